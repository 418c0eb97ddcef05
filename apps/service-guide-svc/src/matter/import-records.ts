import { DomainError, ErrorCode, type z } from '@govdisc/contracts';
import type { GuideImportFormat } from '@govdisc/contracts';
import { parse } from 'csv-parse/sync';

/** One record of an import file with the line (file line; for a JSON array, its position) it came from. */
export interface ImportRecord {
  line: number;
  record: unknown;
  /** why the record could not even be read */
  error?: string;
}

/** Chinese CSV headers (as in the national catalogue's guide tables) → contract field names. */
const HEADERS: Record<string, string> = {
  事项编码: 'code',
  事项名称: 'name',
  事项类型: 'type',
  实施主体: 'department',
  实施部门: 'department',
  事项简介: 'summary',
  设定依据: 'legalBasis',
  受理条件: 'conditions',
  申请材料: 'materials',
  办理流程: 'steps',
  法定时限: 'statutoryDays',
  承诺时限: 'promisedDays',
  收费: 'fees',
  办理地点: 'siteIds',
  地点说明: 'whereText',
  办理时间: 'hoursText',
  网办地址: 'onlineUrl',
  网办深度: 'onlineDepth',
  咨询电话: 'consultPhones',
  投诉电话: 'complaintPhones',
  主题: 'topics',
};
const LIST_FIELDS = new Set([
  'legalBasis',
  'conditions',
  'materials',
  'steps',
  'fees',
  'siteIds',
  'consultPhones',
  'complaintPhones',
  'topics',
]);
const NUMBER_FIELDS = new Set(['statutoryDays', 'promisedDays']);

export function readImportRecords(input: {
  format: z.infer<typeof GuideImportFormat>;
  content: string;
  firstLine: number;
  header?: string;
}): ImportRecord[] {
  switch (input.format) {
    case 'json':
      return jsonArray(input.content);
    case 'jsonl':
      return jsonLines(input.content, input.firstLine);
    case 'csv':
      return csvRows(input.content, input.firstLine, input.header);
  }
}

function jsonArray(content: string): ImportRecord[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(content);
  } catch (error) {
    throw new DomainError(ErrorCode.GUIDE_IMPORT_FILE_INVALID, undefined, { reason: (error as Error).message });
  }
  const items: unknown[] | undefined = Array.isArray(parsed)
    ? parsed
    : parsed && typeof parsed === 'object' && Array.isArray((parsed as { items?: unknown }).items)
      ? (parsed as { items: unknown[] }).items
      : undefined;
  if (!items) throw new DomainError(ErrorCode.GUIDE_IMPORT_FILE_INVALID, undefined, { reason: 'JSON 须为数组或 { "items": [...] }' });
  return items.map((record, i) => ({ line: i + 1, record }));
}

function jsonLines(content: string, firstLine: number): ImportRecord[] {
  return content.split('\n').flatMap((text, i) => {
    const line = firstLine + i;
    if (text.trim() === '') return [];
    try {
      return [{ line, record: JSON.parse(text) as unknown }];
    } catch {
      return [{ line, record: null, error: '该行不是有效的 JSON' }];
    }
  });
}

function csvRows(content: string, firstLine: number, header?: string): ImportRecord[] {
  const text = header ? `${header.replace(/\r?\n$/, '')}\n${content}` : content;
  // Line numbers in the file: a chunk's own lines start at firstLine; a repeated header is not in the chunk.
  const offset = header ? firstLine - 2 : firstLine - 1;
  let rows: Array<{ record: Record<string, string>; info: { lines: number } }>;
  try {
    // With `info: true` each row is { record, info } (csv-parse's types do not say so).
    const parsed: unknown = parse(text, {
      bom: true,
      columns: true,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
      info: true,
    });
    rows = parsed as typeof rows;
  } catch (error) {
    throw new DomainError(ErrorCode.GUIDE_IMPORT_FILE_INVALID, undefined, { reason: (error as Error).message });
  }
  // `info.lines` is the line a record ends on; a record starts after the one before (quoted fields may span lines).
  let previousEnd = 1;
  return rows.map(({ record, info }) => {
    const line = offset + previousEnd + 1;
    previousEnd = info.lines;
    try {
      return { line, record: csvRecord(record) };
    } catch (error) {
      return { line, record: null, error: (error as Error).message };
    }
  });
}

/** A CSV row as a contract object: list cells are JSON arrays, one item per line, or items separated by `；`/`;`. */
function csvRecord(row: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [rawKey, cell] of Object.entries(row)) {
    const key = HEADERS[rawKey.trim()] ?? rawKey.trim();
    if (cell === '' || cell === undefined) continue;
    if (LIST_FIELDS.has(key)) out[key] = listCell(key, cell);
    else if (NUMBER_FIELDS.has(key)) out[key] = /^\d+$/.test(cell) ? Number(cell) : cell;
    else out[key] = cell;
  }
  return out;
}

function listCell(key: string, cell: string): unknown[] {
  if (cell.startsWith('[')) {
    try {
      return JSON.parse(cell) as unknown[];
    } catch {
      throw new Error(`${key} 列不是有效的 JSON 数组`);
    }
  }
  // A cell with line breaks holds one item per line (items may then contain ；); otherwise ；/; separate them.
  const items = cell
    .split(cell.includes('\n') ? /\r?\n/u : /[；;]/u)
    .map((s) => s.trim())
    .filter(Boolean);
  switch (key) {
    case 'materials':
      return items.map((name) => ({ name }));
    case 'legalBasis':
      return items.map((item) => {
        const [policyId, clause] = item.split('#').map((s) => s.trim());
        return clause ? { policyId, clause } : { policyId };
      });
    case 'steps':
      return items.map((item) => {
        const [name, ...rest] = item.split(/[:：]/u);
        return { name: name!.trim(), description: rest.join('：').trim() };
      });
    case 'fees':
      return items.map((item) => {
        const [name, amount, basis] = item.split(/[:：]/u).map((s) => s.trim());
        return { name, amountYuan: Number(amount), basis: basis ?? '' };
      });
    default:
      return items;
  }
}
