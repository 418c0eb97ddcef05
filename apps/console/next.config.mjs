// Next.js settings of the staff console: server-rendered pages, no telemetry, no "X-Powered-By".
/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // `npm run typecheck` (in `npm test`) checks this app with its tests; checking again inside `next build` only costs time.
  typescript: { ignoreBuildErrors: true },
  // Policy import files are uploaded through a server action (sent on to the gateway in chunks): up to 20 MB.
  experimental: { serverActions: { bodySizeLimit: '20mb' } },
  // The monorepo root holds the lockfile; tell Next so it does not guess.
  outputFileTracingRoot: new URL('../..', import.meta.url).pathname,
  turbopack: { root: new URL('../..', import.meta.url).pathname },
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'X-Frame-Options', value: 'DENY' },
        ],
      },
    ];
  },
};
export default nextConfig;
