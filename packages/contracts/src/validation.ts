import { z } from 'zod';
import { DomainError, ErrorCode } from './errors.js';

// Citizens read these messages: zod's own zh-CN locale words every issue in Chinese.
z.config(z.locales.zhCN());

export interface FieldIssue {
  path: string;
  message: string;
}

export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(root)',
    message: issue.message,
  }));
}

/** Parses or throws a DomainError with field-level issues; `code` tells HTTP input from bus messages. */
export function parseOrThrow<S extends z.ZodType>(
  schema: S,
  value: unknown,
  code: ErrorCode = ErrorCode.VALIDATION_FAILED,
): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new DomainError(code, undefined, { issues: toFieldIssues(result.error) });
  }
  const nul = findNulChar(result.data);
  if (nul !== undefined) {
    throw new DomainError(code, undefined, { issues: [{ path: nul || '(root)', message: '不能包含空字符（\\u0000）' }] });
  }
  return result.data;
}

/**
 * Path of the first string holding U+0000, if any. Valid JSON, but PostgreSQL text cannot store it
 * and no legitimate input contains it, so every contract refuses it.
 */
export function findNulChar(value: unknown, path = ''): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = findNulChar(value[i], path ? `${path}.${i}` : String(i));
      if (hit !== undefined) return hit;
    }
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const hit = findNulChar(v, path ? `${path}.${k}` : k);
      if (hit !== undefined) return hit;
    }
  }
  return undefined;
}
