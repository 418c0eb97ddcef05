import type { DisclosureActionType, DisclosureStatus } from '@govdisc/contracts';

/** The statutory steps open in each state (the service still decides: a step out of order is refused with 409). */
export const ACTIONS_BY_STATUS: Record<DisclosureStatus, DisclosureActionType[]> = {
  SUBMITTED: ['CONFIRM_RECEIPT', 'REQUEST_SUPPLEMENT'],
  RECEIVED: ['ACCEPT', 'REQUEST_SUPPLEMENT'],
  AWAITING_SUPPLEMENT: ['RECEIVE_SUPPLEMENT', 'ABANDON_NO_SUPPLEMENT'],
  IN_PROGRESS: ['REPLY', 'EXTEND', 'START_CONSULTATION', 'REQUEST_REASONS'],
  CONSULTING_THIRD_PARTY: ['END_CONSULTATION'],
  CONSULTING_AGENCY: ['END_CONSULTATION'],
  AWAITING_REASONS: ['ASSESS_REASONS'],
  AWAITING_FEE: ['CONFIRM_PAYMENT', 'CLOSE_FEE_UNPAID'],
  REPLIED: [],
  CLOSED: [],
};

const lines = (text: string): string[] =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

/**
 * The action body from a composer form's fields (names as the contract's). Empty optional fields are left
 * out; the gateway validates the rest and answers missing required ones with a Chinese message.
 */
export function actionFromForm(type: DisclosureActionType, get: (name: string) => string): Record<string, unknown> {
  const on = get('on') || undefined;
  const base = { type, ...(on ? { on } : {}) };
  switch (type) {
    case 'REQUEST_SUPPLEMENT':
      return { ...base, items: lines(get('items')) };
    case 'RECEIVE_SUPPLEMENT':
      return { ...base, ...(get('justifiedReason') ? { justifiedReason: get('justifiedReason') } : {}) };
    case 'ACCEPT':
      return { ...base, department: get('department') };
    case 'START_CONSULTATION':
      return { ...base, party: get('party') || 'THIRD_PARTY', partyName: get('partyName') };
    case 'END_CONSULTATION':
      return { ...base, opinion: get('opinion') || 'CONSENT' };
    case 'EXTEND':
      return {
        ...base,
        days: Number(get('days')),
        ...(get('applicantNotifiedOn') ? { applicantNotifiedOn: get('applicantNotifiedOn') } : {}),
      };
    case 'ASSESS_REASONS':
      return { ...base, reasonable: get('reasonable') === 'yes' };
    case 'CONFIRM_PAYMENT':
      return { ...base, receiptNumber: get('receiptNumber') };
    case 'REPLY':
      return {
        ...base,
        outcome: get('outcome'),
        content: {
          text: get('text'),
          reasons: lines(get('reasons')),
          ...(get('legalBasis') ? { legalBasis: get('legalBasis') } : {}),
          ...(get('enclosures') ? { enclosures: lines(get('enclosures')) } : {}),
        },
      };
    case 'WITHDRAW':
      return { ...base, document: get('document') };
    default:
      return base;
  }
}
