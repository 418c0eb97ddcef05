/** Site-wide values: the portal's name and its public base URL (PUBLIC_BASE_URL) for canonical links and the sitemap. */
export const SITE_NAME = process.env.SITE_NAME ?? '政务公开平台';

export function siteUrl(): string {
  return (process.env.PUBLIC_BASE_URL ?? `http://127.0.0.1:${process.env.PORT ?? '3001'}`).replace(/\/+$/, '');
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A query-string value as one trimmed string ('' when absent or repeated oddly). */
export function one(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? (value[0] ?? '') : (value ?? '')).trim();
}

export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : value;
}

/** A form field as text: '' when absent or a file (never "[object File]"). */
export function field(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value.trim() : '';
}

/** The gateway's base URL (GATEWAY_URL), e.g. http://127.0.0.1:3000; the paths carry /api/v1. */
export function gatewayUrl(): string {
  return (process.env.GATEWAY_URL ?? 'http://127.0.0.1:3000').replace(/\/+$/, '');
}
