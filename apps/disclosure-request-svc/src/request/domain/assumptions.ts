import type { AppConfig } from '../../config/env.js';

/**
 * Where the law is silent or the text could not be verified (spec: UNCONFIRMED; the spec is
 * docs/domain/disclosure-requests.md, its §14 lists these points), the service acts on these
 * documented assumptions. Each is configurable through the environment (see config/env.ts and
 * .env.example); the defaults are the spec's recommendations.
 */
export interface DisclosureAssumptions {
  /** Agency that receives requests when the applicant names none. */
  defaultAgency: string;
  /** 复议 body named in replies (行政复议法 Art. 24: usually the same-level government). */
  reviewBody: string;
  /** §4: applicant's 补正 window, in working days from the notice (no statutory length). */
  supplementWindowWd: number;
  /** §5.6: the time between fee notice and payment does not count toward the reply period. */
  feePausesClock: boolean;
  /** §5.5: waiting for Art. 35 reasons does not count toward the reply period. */
  reasonsPauseClock: boolean;
  /** §3.2: same applicant + same content within this many minutes = a duplicate submission. */
  duplicateWindowMinutes: number;
  /**
   * §5.3 pause convention: the WDs strictly after the letter-sent day up to and including the day
   * the opinion arrives (or the party's 15-WD window ends) are not counted. Not configurable (one rule).
   * §9: "new" in Table 3 is keyed on the first receipt date; a 补正 restart is not a new application;
   * multi-item requests are not split. A late 补正 notice (after WD 7) is allowed but flagged.
   * §3.3: oral applications are treated like in-person ones; online/fax/ordinary-mail requests are
   * received on the day staff confirm them with the applicant.
   */
}

export const DEFAULT_ASSUMPTIONS: DisclosureAssumptions = {
  defaultAgency: '江东市人民政府办公室',
  reviewBody: '江东市人民政府',
  supplementWindowWd: 15,
  feePausesClock: true,
  reasonsPauseClock: true,
  duplicateWindowMinutes: 60,
};

/** The assumptions as this deployment configured them. */
export function assumptionsFrom(config: AppConfig): DisclosureAssumptions {
  return {
    defaultAgency: config.DISCLOSURE_DEFAULT_AGENCY,
    reviewBody: config.DISCLOSURE_REVIEW_BODY,
    supplementWindowWd: config.DISCLOSURE_SUPPLEMENT_WINDOW_WD,
    feePausesClock: config.DISCLOSURE_FEE_PAUSES_CLOCK,
    reasonsPauseClock: config.DISCLOSURE_REASONS_PAUSE_CLOCK,
    duplicateWindowMinutes: config.DISCLOSURE_DUPLICATE_WINDOW_MINUTES,
  };
}

/** Statutory numbers (not assumptions). */
export const LAW = {
  replyWd: 20,
  supplementNoticeWd: 7,
  maxExtensionWd: 20,
  consultationWd: 15,
  feePaymentWd: 20,
} as const;
