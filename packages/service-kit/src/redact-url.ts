import { maskPersonalNumbers } from '@govdisc/contracts';

/** Path segments that are bearer secrets themselves: the one after `/track/` is a tracking code. */
const SECRET_AFTER_SEGMENT = new Set(['track']);
/** Query keys whose values are credentials or codes (matched case-insensitively, as substrings). */
const SECRET_QUERY_KEY = /token|code|secret|passw|pwd|key|signature|^sig$|^auth$|authorization|session|credential|assertion/i;
export const REDACTED = '[redacted]';

/**
 * A request URL safe to log or store: tracking codes and secret-looking query values replaced,
 * ID-card and mobile numbers masked anywhere in it. Unparseable query strings are dropped whole.
 */
export function redactUrl(url: string | undefined): string {
  if (!url) return '';
  const q = url.indexOf('?');
  const path = q < 0 ? url : url.slice(0, q);
  const query = q < 0 ? '' : url.slice(q + 1);
  return redactPath(path) + (q < 0 ? '' : `?${redactQuery(query)}`);
}

function redactPath(path: string): string {
  const segments = path.split('/');
  for (let i = 1; i < segments.length; i++) {
    if (SECRET_AFTER_SEGMENT.has(segments[i - 1]!.toLowerCase()) && segments[i]) segments[i] = REDACTED;
  }
  return maskPersonalNumbers(segments.join('/'));
}

function redactQuery(query: string): string {
  if (!query) return '';
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(query);
  } catch {
    return REDACTED;
  }
  const out: string[] = [];
  for (const [key, value] of params) {
    const safe = SECRET_QUERY_KEY.test(key) ? REDACTED : maskPersonalNumbers(value);
    out.push(`${encodeURIComponent(maskPersonalNumbers(key))}=${safe === REDACTED ? REDACTED : encodeURIComponent(safe)}`);
  }
  return out.join('&');
}
