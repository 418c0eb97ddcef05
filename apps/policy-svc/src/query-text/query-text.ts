import { DomainError, ErrorCode } from '@govdisc/contracts';
import { normalize } from '@govdisc/text-analysis';

/**
 * One key per query however it was typed (全角/半角, 繁/简, case, punctuation, spaces between
 * Chinese words): best bets are matched on it and analytics group by it, so both agree.
 */
export function normalizeQuery(text: string): string {
  return normalize(text)
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/gu, ' ')
    .replace(/ (?=\p{Script=Han})|(?<=\p{Script=Han}) /gu, '')
    .trim();
}

/** The key of a query an editor or client sent; one of only punctuation or spaces is refused. */
export function requireQueryKey(text: string, field: string): string {
  const key = normalizeQuery(text);
  if (!key)
    throw new DomainError(ErrorCode.VALIDATION_FAILED, undefined, { issues: [{ path: field, message: '查询词不能只包含标点或空格' }] });
  return key;
}
