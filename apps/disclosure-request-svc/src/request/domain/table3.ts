import type { ApplicantType, DisclosureOutcome, Table3Report } from '@govdisc/contracts';
import { TABLE3_ROW, type Table3RowKey } from './outcomes.js';

/** Spec §9.2, 2021 format (国办公开办函〔2021〕30号): 7 columns, 25 numeric rows, in the official order. */
export const COLUMNS = [
  '自然人',
  '法人或其他组织-商业企业',
  '法人或其他组织-科研机构',
  '法人或其他组织-社会公益组织',
  '法人或其他组织-法律服务机构',
  '法人或其他组织-其他',
  '总计',
];
const COLUMN_OF: Record<ApplicantType, number> = {
  NATURAL_PERSON: 0,
  COMMERCIAL_ENTERPRISE: 1,
  RESEARCH_INSTITUTION: 2,
  PUBLIC_WELFARE_ORG: 3,
  LEGAL_SERVICE_ORG: 4,
  OTHER_ORG: 5,
};
export const ROWS: ReadonlyArray<[string, string]> = [
  ['new', '一、本年新收政府信息公开申请数量'],
  ['carriedIn', '二、上年结转政府信息公开申请数量'],
  ['r1', '三、本年度办理结果（一）予以公开'],
  ['r2', '三、本年度办理结果（二）部分公开（区分处理的，只计这一情形，不计其他情形）'],
  ['r3_1', '（三）不予公开 1.属于国家秘密'],
  ['r3_2', '（三）不予公开 2.其他法律行政法规禁止公开'],
  ['r3_3', '（三）不予公开 3.危及“三安全一稳定”'],
  ['r3_4', '（三）不予公开 4.保护第三方合法权益'],
  ['r3_5', '（三）不予公开 5.属于三类内部事务信息'],
  ['r3_6', '（三）不予公开 6.属于四类过程性信息'],
  ['r3_7', '（三）不予公开 7.属于行政执法案卷'],
  ['r3_8', '（三）不予公开 8.属于行政查询事项'],
  ['r4_1', '（四）无法提供 1.本机关不掌握相关政府信息'],
  ['r4_2', '（四）无法提供 2.没有现成信息需要另行制作'],
  ['r4_3', '（四）无法提供 3.补正后申请内容仍不明确'],
  ['r5_1', '（五）不予处理 1.信访举报投诉类申请'],
  ['r5_2', '（五）不予处理 2.重复申请'],
  ['r5_3', '（五）不予处理 3.要求提供公开出版物'],
  ['r5_4', '（五）不予处理 4.无正当理由大量反复申请'],
  ['r5_5', '（五）不予处理 5.要求行政机关确认或重新出具已获取信息'],
  ['r6_1', '（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'],
  ['r6_2', '（六）其他处理 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'],
  ['r6_3', '（六）其他处理 3.其他'],
  ['total', '（七）总计'],
  ['carriedOut', '四、结转下年度继续办理'],
];

/** A request as stored, with the reporting dates recorded when an act fell in an already closed year (ADR 0001). */
export interface Table3Row extends Table3Record {
  reportReceiptDate: string | null;
  reportFinishedDate: string | null;
}

/** Table 3 counts by reporting dates (ADR 0001): a recorded reporting day replaces the act date. */
export function reportingRecord(r: Table3Row): Table3Record {
  return {
    applicantType: r.applicantType,
    firstReceiptDate: r.reportReceiptDate ?? r.firstReceiptDate,
    finishedDate: r.reportFinishedDate ?? r.finishedDate,
    outcome: r.outcome,
    duplicateOfId: r.duplicateOfId,
  };
}

export interface Table3Record {
  applicantType: string;
  /** First receipt date (Art. 31); a 补正 restart does not create a new application. */
  firstReceiptDate: string | null;
  finishedDate: string | null;
  outcome: string | null;
  duplicateOfId: string | null;
}

/** Art. 49: the annual report is published by 31 January of the following year; after that day the year is closed. */
export function reportClosesOn(year: number): string {
  return `${year + 1}-01-31`;
}

/**
 * ADR 0001: the Table 3 date of an act. An act dated in a closed year (a letter found late, a reply
 * entered late) keeps its true date for deadlines, but is counted in the year it was recorded, so a
 * published report never changes; the correction shows in the next report.
 */
export function reportingDate(actual: string, today: string): string {
  return today > reportClosesOn(Number(actual.slice(0, 4))) ? today : actual;
}

export const TABLE3_ASSUMPTIONS = [
  '“本年新收”以首次收到申请之日（第三十一条）为准；补正后重新起算不产生新申请。',
  '一件申请计一件，不拆分；被识别为重复提交并已关联的申请不重复计数。',
  '已主动公开计入（一）予以公开；不属于本机关负责计入（四）1；行政查询事项计入（三）8；申请人撤回计入（六）3。',
  '结果行按答复或终止处理之日所在年度计入；当年未办结的计入“结转下年度继续办理”。',
  '年度报告于次年1月31日发布后不再变动：此后登记的日期属于已发布年度的收文或办结，计入登记当年（更正体现在下一年度报告中）。',
];

function emptyTable(): Map<string, number[]> {
  return new Map(ROWS.map(([key]) => [key, [0, 0, 0, 0, 0, 0, 0]]));
}

function count(table: Map<string, number[]>, key: string, col: number): void {
  const row = table.get(key)!;
  row[col]!++;
  row[6]!++;
}

export function buildTable3(year: number, records: Table3Record[]): Map<string, number[]> {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const table = emptyTable();
  for (const r of records) {
    if (!r.firstReceiptDate || r.duplicateOfId || r.firstReceiptDate > end) continue;
    const col = COLUMN_OF[r.applicantType as ApplicantType] ?? 5;
    const open = (day: string) => !r.finishedDate || !r.outcome || r.finishedDate > day;
    if (r.firstReceiptDate >= start) count(table, 'new', col);
    else if (open(`${year - 1}-12-31`)) count(table, 'carriedIn', col);
    else continue;
    if (!open(end)) {
      count(table, TABLE3_ROW[r.outcome as DisclosureOutcome] satisfies Table3RowKey, col);
      count(table, 'total', col);
    } else {
      count(table, 'carriedOut', col);
    }
  }
  return table;
}

export function checkTable3(table: Map<string, number[]>): Table3Report['checks'] {
  const v = (key: string, c: number) => table.get(key)![c]!;
  const resultKeys = ROWS.map(([k]) => k).filter((k) => /^r\d/.test(k));
  const checks: Table3Report['checks'] = [];
  for (let c = 0; c < 7; c++) {
    const balance = v('new', c) + v('carriedIn', c) === v('total', c) + v('carriedOut', c);
    checks.push({ rule: `列${c + 1}：本年新收 + 上年结转 = 总计 + 结转下年度`, ok: balance });
    const sum = resultKeys.reduce((acc, k) => acc + v(k, c), 0);
    checks.push({ rule: `列${c + 1}：总计 = 各办理结果之和`, ok: sum === v('total', c), detail: `${sum} vs ${v('total', c)}` });
  }
  const rowsOk = ROWS.every(
    ([k]) =>
      table
        .get(k)!
        .slice(0, 6)
        .reduce((a, b) => a + b, 0) === v(k, 6),
  );
  checks.push({ rule: '每行：总计列 = 自然人 + 法人或其他组织各列', ok: rowsOk });
  return checks;
}

export function toCsv(table: Map<string, number[]>): string {
  const esc = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = [['项目', ...COLUMNS].map(esc).join(',')];
  for (const [key, label] of ROWS) lines.push([esc(label), ...table.get(key)!.map(String)].join(','));
  return lines.join('\n') + '\n';
}
