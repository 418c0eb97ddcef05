import { asApiError } from '@govdisc/api-client';

/** Every gateway error the person cannot fix by changing a field. */
const UNAVAILABLE = '系统暂时无法处理，请稍后再试。您填写的内容已保留。';

/**
 * A gateway error as messages per form field: field-level issues (details.issues, path → field through
 * `fields`) where the gateway gave them, else the error's own Chinese message on `fallback`. 5xx and
 * unreadable answers become a "try later" message.
 */
export function fieldErrorsOf(
  error: unknown,
  status: number,
  opts: { fallback: string; fields?: Record<string, string> },
): Record<string, string> {
  const e = asApiError(error);
  if (!e || status >= 500) return { [opts.fallback]: UNAVAILABLE };
  if (status === 429) return { [opts.fallback]: '操作过于频繁，请稍后再试。' };
  const details = e.details ?? {};
  const out: Record<string, string> = {};
  const issues = Array.isArray(details.issues) ? (details.issues as { path?: unknown; message?: unknown }[]) : [];
  for (const issue of issues) {
    const field = opts.fields?.[String(issue.path)] ?? opts.fallback;
    if (typeof issue.message === 'string') out[field] ??= issue.message;
  }
  if (Object.keys(out).length > 0) return out;
  return { [opts.fallback]: e.message };
}
