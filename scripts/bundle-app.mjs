// One-file bundle of a NestJS app's compiled output: dist/main.js and the ~600-700 modules it imports (workspace
// packages' dist, NestJS, Fastify, zod …) → dist/main.bundle.mjs, which the end-to-end and resilience stacks start
// (e2e/stack.ts) — each of the ~27 stacks of a CI run starts six apps, and loading one file costs about half the CPU of
// resolving and linking hundreds (ADR 0021). Run by each service app's `build` after tsc, in the app's folder:
//   node ../../scripts/bundle-app.mjs
// It bundles tsc's JavaScript, so the decorator metadata NestJS's DI reads is already there. Kept outside: native
// addons (@node-rs/*), Prisma's runtime (loads its WebAssembly engine from its own folder), the optional clients loaded
// on use (OpenSearch, OpenTelemetry: ADR 0016) and optional peers that are not installed (NestJS's `loadPackage` of
// RabbitMQ, class-validator …: they stay a runtime `require` that fails as it would unbundled).
// Files that find data next to themselves (import.meta.url, __dirname) keep their own location: each such file is
// bundled with its original place written in relative to the bundle (resolved against the bundle's URL when it runs),
// so `new URL('../prisma/migrations', import.meta.url)` and the text-analysis dictionaries resolve exactly as from
// dist/, wherever the checkout is.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const appDir = resolve(process.argv[2] ?? '.');
const entry = join(appDir, 'dist/main.js');
const bundleDir = join(appDir, 'dist');
const external = [/^node:/, /^@node-rs\//, /^@prisma\/client(\/|$)/, /^@opensearch-project\//, /^@opentelemetry\//];

const keepLocations = {
  name: 'keep-locations',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.pluginData?.probe) return undefined;
      if (external.some((re) => re.test(args.path))) return { path: args.path, external: true };
      const found = await b.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: { probe: true },
      });
      // not installed: an optional peer, left to fail at run time as it would unbundled
      return found.errors.length ? { path: args.path, external: true } : found;
    });
    b.onLoad({ filter: /\.[cm]?js$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      if (!/import\.meta\.url|__dirname|__filename/.test(text)) return undefined;
      // Written relative to the bundle and resolved against its own URL at run time, so a bundle restored from a build
      // cache into another checkout, or copied into an image with the same layout, still finds its files.
      const url = `__bundleUrl(${JSON.stringify(relative(bundleDir, args.path))})`;
      const where = { __dirname: `__bundleDirname(__bundlePath(${url}))`, __filename: `__bundlePath(${url})` };
      // CommonJS modules get their own folder and file name (ESM output has neither), unless they declare them.
      const declared = (name) => new RegExp(`\\b(var|let|const|function)\\s+${name}\\b`).test(text);
      const header = Object.entries(where)
        .filter(([name]) => new RegExp(`\\b${name}\\b`).test(text) && !declared(name))
        .map(([name, value]) => `var ${name} = ${value};\n`)
        .join('');
      const contents = header + text.replace(/import\.meta\.url/g, url);
      return { contents, loader: 'js', resolveDir: dirname(args.path) };
    });
  },
};

const started = Date.now();
const result = await build({
  entryPoints: [entry],
  outfile: join(appDir, 'dist/main.bundle.mjs'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // NestJS names providers and loggers after their classes: no renaming.
  keepNames: true,
  logLevel: 'warning',
  metafile: true,
  plugins: [keepLocations],
  // CommonJS modules inside the bundle still call require() for what stays outside.
  banner: {
    js: [
      "import { createRequire as __bundleRequire } from 'node:module';",
      "import { dirname as __bundleDirname } from 'node:path';",
      "import { fileURLToPath as __bundlePath } from 'node:url';",
      'const require = __bundleRequire(import.meta.url);',
      'const __bundleUrl = (path) => new URL(path, import.meta.url).href;',
    ].join(' '),
  },
});
const inputs = Object.keys(result.metafile.inputs);
// The repository's own files in the bundle (not node_modules) with a hash of each: e2e/stack.ts refuses a bundle whose
// files changed since (a package rebuilt with tsc alone), so it fails loudly instead of testing old code.
const own = inputs.map((f) => resolve(appDir, f)).filter((f) => !f.includes('/node_modules/'));
const hashes = Object.fromEntries(own.map((f) => [relative(repoRoot, f), createHash('sha1').update(readFileSync(f)).digest('hex')]));
await writeFile(join(appDir, 'dist/main.bundle.inputs.json'), JSON.stringify(hashes, null, 1) + '\n');
console.log(`dist/main.js → dist/main.bundle.mjs: ${inputs.length} modules in one file (${Date.now() - started} ms)`);
