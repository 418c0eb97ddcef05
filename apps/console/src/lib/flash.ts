import { redirect } from 'next/navigation';
import type { ApiError } from '@govdisc/api-client';

/**
 * After a form: back to `path` with the outcome in the query (?done= / ?error=), shown by <Notice>, so a form works
 * before hydration and a reload does not post again.
 */
export function back(path: string, key: 'error' | 'done', value: string): never {
  redirect(`${path}${path.includes('?') ? '&' : '?'}${key}=${encodeURIComponent(value)}`);
}

/** A refused gateway call as one Chinese line: its message, the field issues of a 400, and the stable code. */
export function failureText(error: Partial<ApiError> | null | undefined, fallback = '操作失败'): string {
  if (!error) return fallback;
  const issues = (error.details?.issues as Array<{ path?: string; message?: string }> | undefined) ?? [];
  const listed = issues.map((i) => `${i.path && i.path !== '(root)' ? `${i.path}：` : ''}${i.message ?? ''}`).join('；');
  return `${error.message ?? fallback}${listed ? `（${listed}）` : ''}${error.code ? `［${error.code}］` : ''}`;
}

/** The CSRF check every console form starts with. */
export const EXPIRED = '页面已过期，请刷新后重试。';
