import type { DisclosureOutcome, ReplyContent } from '@govdisc/contracts';

export type Table3RowKey =
  | 'r1'
  | 'r2'
  | 'r3_1'
  | 'r3_2'
  | 'r3_3'
  | 'r3_4'
  | 'r3_5'
  | 'r3_6'
  | 'r3_7'
  | 'r3_8'
  | 'r4_1'
  | 'r4_2'
  | 'r4_3'
  | 'r5_1'
  | 'r5_2'
  | 'r5_3'
  | 'r5_4'
  | 'r5_5'
  | 'r6_1'
  | 'r6_2'
  | 'r6_3';

/** Spec §6: outcome → Table 3 row (ALREADY_PUBLIC, SPECIAL_QUERY_REGIME, NOT_HELD, NOT_OUR_RESPONSIBILITY, OTHER are the spec's † proposals). */
export const TABLE3_ROW: Record<DisclosureOutcome, Table3RowKey> = {
  DISCLOSED: 'r1',
  ALREADY_PUBLIC: 'r1',
  PARTIAL: 'r2',
  WITHHELD_STATE_SECRET: 'r3_1',
  WITHHELD_LAW_PROHIBITS: 'r3_2',
  WITHHELD_SECURITY_STABILITY: 'r3_3',
  WITHHELD_THIRD_PARTY: 'r3_4',
  WITHHELD_INTERNAL_AFFAIRS: 'r3_5',
  WITHHELD_PROCESS_INFO: 'r3_6',
  WITHHELD_ENFORCEMENT_FILE: 'r3_7',
  SPECIAL_QUERY_REGIME: 'r3_8',
  NOT_HELD: 'r4_1',
  NOT_OUR_RESPONSIBILITY: 'r4_1',
  NEEDS_CREATION: 'r4_2',
  STILL_UNCLEAR: 'r4_3',
  PETITION_NOT_GIO: 'r5_1',
  REPEAT: 'r5_2',
  PUBLICATION: 'r5_3',
  EXCESSIVE_NO_REASON: 'r5_4',
  CONFIRM_OR_REISSUE: 'r5_5',
  ABANDONED_NO_SUPPLEMENT: 'r6_1',
  ABANDONED_FEE_UNPAID: 'r6_2',
  OTHER: 'r6_3',
};

/** Outcomes that end a request without a substantive reply (state CLOSED, not REPLIED). */
export const CLOSING_OUTCOMES: readonly DisclosureOutcome[] = ['ABANDONED_NO_SUPPLEMENT', 'ABANDONED_FEE_UNPAID', 'OTHER'];

/** Refusals (全部或部分不予公开) that must state their reasons. */
export function isRefusal(outcome: DisclosureOutcome): boolean {
  return outcome.startsWith('WITHHELD_') || outcome === 'PARTIAL';
}

/**
 * 复议 must come first since 2024-01-01 (行政复议法 Art. 23(4)) for every act counted as 不予公开 or
 * 部分公开 in Table 3 (rows 三(二) and 三(三)1–8), so the remedy text follows the classification (§8):
 * SPECIAL_QUERY_REGIME is counted as 三(三)8, so it is review-first too.
 */
export function isReviewFirst(outcome: DisclosureOutcome): boolean {
  const row = TABLE3_ROW[outcome];
  return row === 'r2' || row.startsWith('r3_');
}

/** Replies that give information (Art. 36(2), 37) must carry it or say where and how to get it. */
const GIVES_INFORMATION: readonly DisclosureOutcome[] = ['DISCLOSED', 'PARTIAL'];
/** Shortest reply text that can say what is disclosed ("答复。" is not a reply). */
export const MIN_DISCLOSURE_TEXT = 10;

/** Chinese labels of the missing reply content, for a message staff can act on. */
export const MISSING_LABEL: Record<string, string> = {
  reasons: '不予公开部分的理由（reasons）',
  whereToObtain: '获取该信息的方式和途径（whereToObtain）',
  responsibleAgency: '负责该信息的行政机关名称及联系方式（responsibleAgency）',
  properChannel: '办理查询的法定途径（properChannel）',
  legalBasis: '禁止公开的法律、行政法规依据（legalBasis）',
  text: `写明所公开信息的答复正文（至少${MIN_DISCLOSURE_TEXT}个字）`,
  information: '所公开的信息本身（enclosures：随答复提供的文件）或获取信息的方式、地点、网址（whereToObtain）',
};

const LEGAL_BASIS: Partial<Record<DisclosureOutcome, string>> = {
  DISCLOSED: '《政府信息公开条例》第三十六条第（二）项',
  ALREADY_PUBLIC: '《政府信息公开条例》第三十六条第（一）项',
  PARTIAL: '《政府信息公开条例》第三十七条',
  SPECIAL_QUERY_REGIME: '《政府信息公开条例》第三十六条第（七）项',
  NOT_HELD: '《政府信息公开条例》第三十六条第（四）项',
  NOT_OUR_RESPONSIBILITY: '《政府信息公开条例》第三十六条第（五）项',
  NEEDS_CREATION: '《政府信息公开条例》第三十八条',
  STILL_UNCLEAR: '《政府信息公开条例》第三十条',
  PETITION_NOT_GIO: '《政府信息公开条例》第三十九条第一款',
  REPEAT: '《政府信息公开条例》第三十六条第（六）项',
  PUBLICATION: '《政府信息公开条例》第三十九条第二款',
  EXCESSIVE_NO_REASON: '《政府信息公开条例》第三十五条',
  ABANDONED_NO_SUPPLEMENT: '《政府信息公开条例》第三十条',
  ABANDONED_FEE_UNPAID: '《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）',
};

export function legalBasisOf(outcome: DisclosureOutcome): string {
  if (outcome === 'WITHHELD_STATE_SECRET' || outcome === 'WITHHELD_LAW_PROHIBITS' || outcome === 'WITHHELD_SECURITY_STABILITY') {
    return '《政府信息公开条例》第十四条、第三十六条第（三）项';
  }
  if (outcome === 'WITHHELD_THIRD_PARTY') return '《政府信息公开条例》第十五条、第三十二条、第三十六条第（三）项';
  if (outcome.startsWith('WITHHELD_')) return '《政府信息公开条例》第十六条、第三十六条第（三）项';
  return LEGAL_BASIS[outcome] ?? '《政府信息公开条例》第三十六条';
}

/** Spec §6 "Reply must contain": returns the missing fields (empty = complete). */
export function missingReplyContent(outcome: DisclosureOutcome, c: ReplyContent): string[] {
  const missing: string[] = [];
  if (isRefusal(outcome) && c.reasons.length === 0) missing.push('reasons');
  if (GIVES_INFORMATION.includes(outcome)) {
    if (c.text.replace(/[\s\p{P}]/gu, '').length < MIN_DISCLOSURE_TEXT) missing.push('text');
    if ((c.enclosures ?? []).length === 0 && !c.whereToObtain) missing.push('information');
  }
  if (outcome === 'ALREADY_PUBLIC' && !c.whereToObtain) missing.push('whereToObtain');
  if (outcome === 'NOT_OUR_RESPONSIBILITY' && !c.responsibleAgency) missing.push('responsibleAgency');
  if (outcome === 'SPECIAL_QUERY_REGIME' && !c.properChannel) missing.push('properChannel');
  if (outcome === 'WITHHELD_LAW_PROHIBITS' && !c.legalBasis) missing.push('legalBasis');
  return missing;
}

/** Spec §8: the remedy paragraph inserted into every reply. */
export function remedyText(outcome: DisclosureOutcome, reviewBody: string): string {
  const complaint = '如对本机关政府信息公开工作有异议，可以向上一级行政机关或者政府信息公开工作主管部门投诉、举报。';
  if (isReviewFirst(outcome)) {
    return (
      `如对本答复不服，根据《中华人民共和国行政复议法》第二十三条的规定，应当先向${reviewBody}申请行政复议` +
      `（自收到本答复之日起六十日内）；对行政复议决定不服的，可以自收到行政复议决定书之日起十五日内依法向人民法院提起行政诉讼。` +
      complaint
    );
  }
  return (
    `如对本答复不服，可以自收到本答复之日起六十日内向${reviewBody}申请行政复议，` +
    `或者自收到本答复之日起六个月内依法向人民法院提起行政诉讼。` +
    complaint
  );
}
