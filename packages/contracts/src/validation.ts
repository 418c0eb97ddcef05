import { z } from 'zod';
import { DomainError, ErrorCode } from './errors.js';

// Citizens read these messages: zod's own zh-CN locale words every issue in Chinese.
z.config(z.locales.zhCN());

export interface FieldIssue {
  path: string;
  message: string;
  /** Set on the text checks below, so clients can tell them apart without reading the message. */
  code?: TextIssueCode;
}

/** Stable codes of the text checks every contract runs on top of its schema. */
export const TextIssueCode = {
  /** a lone UTF-16 surrogate (half of a pair), in a value or an object key */
  ILL_FORMED_UNICODE: 'ILL_FORMED_UNICODE',
  /** U+0000 */
  NUL_CHAR: 'NUL_CHAR',
} as const;
export type TextIssueCode = (typeof TextIssueCode)[keyof typeof TextIssueCode];

const TEXT_ISSUE_MESSAGES: Record<TextIssueCode, string> = {
  ILL_FORMED_UNICODE: '包含无法识别的字符（不成对的 UTF-16 代理项），请删除乱码后重新输入',
  NUL_CHAR: '不能包含空字符（\\u0000）',
};

export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(root)',
    message: issue.message,
  }));
}

export interface TextCheckOptions {
  /** The value was parsed from JSON text that jsonTextMayHoldBadText() cleared: skip the input scan. */
  inputChecked?: boolean;
  /** The output is checked elsewhere (e.g. on its JSON text, or by the sender): skip the output scan. */
  outputChecked?: boolean;
}

/** Parses or throws a DomainError with field-level issues; `code` tells HTTP input from bus messages. */
export function parseOrThrow<S extends z.ZodType>(
  schema: S,
  value: unknown,
  code: ErrorCode = ErrorCode.VALIDATION_FAILED,
  checks: TextCheckOptions = {},
): z.output<S> {
  // The input as sent first: an ill-formed key or value never reaches the schema (nor its messages).
  // Each check is one cheap scan; the walk that names the field runs only when the scan found something.
  if (!checks.inputChecked && hasSuspectText(value)) throwOnTextIssue(findIllFormedText(value), code);
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new DomainError(code, undefined, { issues: toFieldIssues(result.error) });
  }
  // Then the output: a transform (e.g. slicing a string) must not produce what the input may not hold.
  if (!checks.outputChecked) throwOnBadText(result.data, code);
  return result.data;
}

/** Throws if any string value or key of `value` holds ill-formed text or U+0000. */
export function throwOnBadText(value: unknown, code: ErrorCode): void {
  if (hasSuspectText(value)) throwOnTextIssue(findIllFormedText(value) ?? findNulText(value), code);
}

/**
 * Whether JSON text may parse to a string holding a lone surrogate or U+0000. In JSON text both can
 * only be written as `\u` escapes (raw, the first is not UTF-8 and the second is not JSON), so a scan
 * for those escapes (a fast search for a backslash) clears nearly all text without parsing or walking
 * it. May say yes for text that is fine (e.g. an escaped backslash before `ud800`), never no for bad text.
 */
export function jsonTextMayHoldBadText(json: string): boolean {
  return JSON_BAD_ESCAPE.test(json);
}

const JSON_BAD_ESCAPE = /\\u(?:0000|[dD][89a-fA-F])/;

function throwOnTextIssue(hit: TextHit | undefined, code: ErrorCode) {
  if (!hit) return;
  const issue: FieldIssue = { path: hit.path || '(root)', message: TEXT_ISSUE_MESSAGES[hit.code], code: hit.code };
  throw new DomainError(code, undefined, { issues: [issue] });
}

interface TextHit {
  path: string;
  code: TextIssueCode;
}

/**
 * First string (value or object key) holding a lone UTF-16 surrogate. JSON can carry one
 * (`"\ud800"`), but it is not text: PostgreSQL's jsonb refuses it, UTF-8 cannot encode it, and no
 * legitimate input holds one, so every contract refuses it. Iterative: input may be nested deeply.
 */
export function findIllFormedText(value: unknown): TextHit | undefined {
  return walkStrings(value, (s) => LONE_SURROGATE.test(s), TextIssueCode.ILL_FORMED_UNICODE);
}

/** First string value or key holding U+0000: valid JSON, but PostgreSQL text cannot store it. */
export function findNulText(value: unknown): TextHit | undefined {
  return walkStrings(value, (s) => s.includes('\u0000'), TextIssueCode.NUL_CHAR);
}

/** Path of the first string holding U+0000, if any (kept for callers of the older helper). */
export function findNulChar(value: unknown): string | undefined {
  return findNulText(value)?.path;
}

/** Any surrogate (paired or not) or U+0000: a superset of both checks, one character class to scan for. */
// eslint-disable-next-line no-control-regex -- U+0000 is one of the two things this scan looks for
const SUSPECT = /[\u0000\ud800-\udfff]/;

/**
 * Whether any string value or key might hold ill-formed text or U+0000: one scan over everything with
 * no paths built, so well-formed input (nearly all of it) costs little. Iterative, like the walk below.
 */
export function hasSuspectText(root: unknown): boolean {
  if (typeof root === 'string') return SUSPECT.test(root);
  if (!root || typeof root !== 'object') return false;
  const stack: object[] = [root];
  const seen = new Set<object>(stack);
  const visit = (value: unknown): boolean => {
    if (typeof value === 'string') return SUSPECT.test(value);
    if (value && typeof value === 'object' && !seen.has(value)) {
      seen.add(value);
      stack.push(value);
    }
    return false;
  };
  while (stack.length > 0) {
    const value = stack.pop()!;
    if (Array.isArray(value)) {
      for (const item of value) if (visit(item)) return true;
    } else {
      for (const key of Object.keys(value)) {
        if (SUSPECT.test(key) || visit((value as Record<string, unknown>)[key])) return true;
      }
    }
  }
  return false;
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function walkStrings(root: unknown, bad: (s: string) => boolean, code: TextIssueCode): TextHit | undefined {
  const stack: Array<{ value: unknown; path: string }> = [{ value: root, path: '' }];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (typeof value === 'string') {
      if (bad(value)) return { path, code };
      continue;
    }
    if (!value || typeof value !== 'object' || seen.has(value)) continue;
    seen.add(value);
    const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
    const at = (key: string) => (path ? `${path}.${printable(key)}` : printable(key));
    if (!Array.isArray(value)) for (const [key] of entries) if (bad(key)) return { path: at(key), code };
    // Pushed in reverse so the first offending field (in document order) is the one reported.
    for (let i = entries.length - 1; i >= 0; i--) stack.push({ value: entries[i]![1], path: at(entries[i]![0]) });
  }
  return undefined;
}

// eslint-disable-next-line no-control-regex -- U+0000 is exactly what printable() escapes
const UNPRINTABLE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|\u0000/g;

/** A key as it can be shown and logged: lone surrogates and U+0000 spelled as \uXXXX escapes. */
function printable(key: string): string {
  return key.replace(UNPRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
