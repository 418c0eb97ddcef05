/**
 * Keycloak's redirect URI matching (RedirectUtils): an exact match, or a registered URI ending in "*"
 * matching by prefix. For the loopback address (RFC 8252 §7.3) a registered URI without a port
 * matches a requested one on any port, as Keycloak does for http://127.0.0.1 and http://[::1].
 * Query and fragment are not allowed in what is requested with a wildcard.
 */
export function redirectUriAllowed(requested: string, registered: readonly string[]): boolean {
  let url: URL;
  try {
    url = new URL(requested);
  } catch {
    return false;
  }
  if (url.hash || url.username || url.password) return false;
  const candidates = [requested];
  if (url.protocol === 'http:' && (url.hostname === '127.0.0.1' || url.hostname === '[::1]') && url.port) {
    const portless = new URL(requested);
    portless.port = '';
    candidates.push(requested.replace(`${url.host}`, portless.host));
  }
  return candidates.some((candidate) =>
    registered.some((uri) => (uri.endsWith('*') ? !url.search && candidate.startsWith(uri.slice(0, -1)) : candidate === uri)),
  );
}
