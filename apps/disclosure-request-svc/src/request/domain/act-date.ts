import { DomainError, ErrorCode } from '@govdisc/contracts';
import type { RuleContext } from './model.js';

/** The day an act happened: given by staff (letters arrive before they are entered) or today; never in the future. */
export function actDate(on: string | undefined, ctx: RuleContext, notBefore?: string | null): string {
  const day = on ?? ctx.today;
  if (day > ctx.today || (notBefore && day < notBefore)) {
    throw new DomainError(ErrorCode.DISCLOSURE_INVALID_DATE, undefined, { on: day, today: ctx.today, notBefore });
  }
  return day;
}
