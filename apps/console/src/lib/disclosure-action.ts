import type { DisclosureActionType, DisclosureStatus } from '@govdisc/contracts';

/** The statutory steps open in each state (the service still decides: a step out of order is refused with 409). */
export const ACTIONS_BY_STATUS: Record<DisclosureStatus, DisclosureActionType[]> = {
  SUBMITTED: ['CONFIRM_RECEIPT', 'WITHDRAW'],
  RECEIVED: ['ACCEPT', 'REPLY', 'REQUEST_SUPPLEMENT', 'WITHDRAW'],
  AWAITING_SUPPLEMENT: ['RECEIVE_SUPPLEMENT', 'ABANDON_NO_SUPPLEMENT', 'WITHDRAW'],
  IN_PROGRESS: ['REPLY', 'EXTEND', 'ISSUE_FEE_NOTICE', 'START_CONSULTATION', 'REQUEST_REASONS', 'REQUEST_SUPPLEMENT', 'WITHDRAW'],
  CONSULTING_THIRD_PARTY: ['END_CONSULTATION', 'WITHDRAW'],
  CONSULTING_AGENCY: ['END_CONSULTATION', 'WITHDRAW'],
  AWAITING_REASONS: ['ASSESS_REASONS', 'WITHDRAW'],
  AWAITING_FEE: ['CONFIRM_PAYMENT', 'CLOSE_FEE_UNPAID', 'WITHDRAW'],
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
  const opt = (name: string, as = name) => (get(name) ? { [as]: get(name) } : {});
  switch (type) {
    case 'REQUEST_SUPPLEMENT':
      return { ...base, items: lines(get('items')) };
    case 'RECEIVE_SUPPLEMENT':
      return { ...base, ...(get('justifiedReason') ? { justifiedReason: get('justifiedReason') } : {}) };
    case 'ACCEPT':
      return { ...base, department: get('department') };
    case 'START_CONSULTATION':
      return { ...base, party: get('party') || 'THIRD_PARTY', partyName: get('partyName'), ...opt('letterReceivedOn') };
    case 'END_CONSULTATION':
      return {
        ...base,
        opinion: get('opinion') || 'CONSENT',
        ...(get('overrideReason') || get('thirdPartyNotifiedOn')
          ? { publicInterestOverride: { reason: get('overrideReason'), thirdPartyNotifiedOn: get('thirdPartyNotifiedOn') } }
          : {}),
      };
    case 'EXTEND':
      return { ...base, days: Number(get('days')), ...opt('applicantNotifiedOn') };
    case 'ASSESS_REASONS':
      return { ...base, reasonable: get('reasonable') === 'yes', ...opt('customDueDate') };
    case 'ISSUE_FEE_NOTICE':
      return {
        ...base,
        basis: get('feeBasis') === 'PER_VOLUME' ? { type: 'PER_VOLUME', pages: Number(get('pages')) } : { type: 'PER_ITEM' },
        ...opt('noticeReceivedOn'),
      };
    case 'CONFIRM_PAYMENT':
      return { ...base, receiptNumber: get('receiptNumber') };
    case 'REPLY':
      return {
        ...base,
        outcome: get('outcome'),
        content: {
          text: get('text'),
          reasons: lines(get('reasons')),
          ...opt('legalBasis'),
          ...opt('whereToObtain'),
          ...opt('properChannel'),
          ...(get('agencyName') ? { responsibleAgency: { name: get('agencyName'), ...opt('agencyContact', 'contact') } } : {}),
          ...(get('enclosures') ? { enclosures: lines(get('enclosures')) } : {}),
        },
      };
    case 'WITHDRAW':
      return { ...base, document: get('document') };
    default:
      return base;
  }
}
