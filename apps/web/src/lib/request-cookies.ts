import type { CookieJar } from '@govdisc/web-auth';

/**
 * A Pages Router request's cookies (`req.cookies`) as web-auth's jar, for reading only: a page render never sets
 * or deletes a cookie (sign-in and logout are App Router route handlers), so trying is a bug and throws.
 */
export function readOnlyJar(cookies: Partial<Record<string, string>>): CookieJar {
  return {
    get: (name) => {
      const value = cookies[name];
      return value === undefined ? undefined : { value };
    },
    set: (name) => {
      throw new Error(`a page render cannot set the cookie ${name}`);
    },
    delete: (name) => {
      throw new Error(`a page render cannot delete the cookie ${name}`);
    },
  };
}
