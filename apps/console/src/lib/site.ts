/** The console's own address (AUTH_REDIRECT_BASE, default http://127.0.0.1:3002) and the gateway's (GATEWAY_URL). */
export function consoleUrl(): string {
  return (process.env.AUTH_REDIRECT_BASE ?? `http://127.0.0.1:${process.env.PORT ?? '3002'}`).replace(/\/+$/, '');
}

export function gatewayUrl(): string {
  return (process.env.GATEWAY_URL ?? 'http://127.0.0.1:3000').replace(/\/+$/, '');
}

/** A query-string value as one trimmed string ('' when absent). */
export function one(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? (value[0] ?? '') : (value ?? '')).trim();
}

/** A form field as text: '' when absent or a file. */
export function field(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value.trim() : '';
}

export type SearchParams = Promise<Record<string, string | string[] | undefined>>;
