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
  return result.data;
}
