export { readWebAuthConfig, WebAuthConfigError, type WebAuthConfig } from './config.js';
export { cookieNames, cookieOptions, type CookieJar, type CookieOptions } from './cookies.js';
export { csrfMatches, randomToken } from './csrf.js';
export {
  MemorySessionStore,
  MEMORY_STORE_DEFAULTS,
  type Session,
  type SessionStore,
  type MemorySessionStoreLimits,
} from './session-store.js';
export { WebAuth, WebAuthError, safeReturnPath, rolesOf, type SignedInUser, type WebAuthOptions } from './web-auth.js';
export { authRoutes, sharedWebAuth } from './routes.js';
