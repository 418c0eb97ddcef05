/**
 * CORS only when an origin is allowed (CORS_ORIGINS). With `origin: false` @fastify/cors still ran a hook on every
 * request (8.8% of the gateway's CPU per search) that granted nothing and only added `Vary: Origin`; without the
 * plugin an answer grants nothing just the same.
 */
export function corsOptions(origins: readonly string[]): { origin: string[] } | null {
  return origins.length > 0 ? { origin: [...origins] } : null;
}
