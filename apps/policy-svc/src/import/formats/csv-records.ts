import { parse } from 'csv-parse/sync';
import { DomainError, ErrorCode } from '@govdisc/contracts';
import type { ImportLineInput } from './import-line.js';
import { fieldOf, toRawRecord } from './source-fields.js';

/** One CSV record's text and the file line it starts on (quoted fields may span lines). */
export interface CsvRecordText {
  line: number;
  text: string;
}

/** Where one CSV record sits in the text: its first line and its offsets. */
export interface CsvRecordSpan {
  line: number;
  start: number;
  end: number;
}

/**
 * Finds CSV records at line breaks outside quotes (RFC 4180: a doubled quote inside a quoted field
 * keeps the count even). Blank lines are skipped. A record with an unclosed quote runs to the end.
 * The import CLI uses it too (from the built app) to cut big files at record boundaries.
 */
export function csvRecordSpans(text: string, firstLine = 1): CsvRecordSpan[] {
  const out: CsvRecordSpan[] = [];
  let start = 0;
  let line = firstLine;
  let startLine = firstLine;
  let quoted = false;
  const push = (end: number) => {
    if (text.slice(start, end).trim()) out.push({ line: startLine, start, end });
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if (c === 10) {
      line++;
      if (!quoted) {
        push(i);
        start = i + 1;
        startLine = line;
      }
    }
  }
  push(text.length);
  return out;
}

/** The records' texts (without a trailing CR), each with the line it starts on. */
export function splitCsvRecords(text: string, firstLine = 1): CsvRecordText[] {
  return csvRecordSpans(text, firstLine).map(({ line, start, end }) => ({ line, text: text.slice(start, end).replace(/\r$/u, '') }));
}

function cells(text: string): string[] {
  const rows: string[][] = parse(text, { relax_column_count: true, skip_empty_lines: false });
  if (rows.length !== 1) throw new Error(`应为一条记录，解析出 ${rows.length} 条`);
  return rows[0]!;
}

/**
 * CSV with a header row → import lines (the JSONL record fields; Chinese headers such as 标题, 发文字号,
 * 发文机关, 成文日期, 正文 are understood). A chunk after the first passes the file's header row in
 * `header` and its first line number in `firstLine`. A malformed row becomes a rejected line with its
 * line number and reason; a header without title and body columns refuses the whole file.
 */
export function csvToLines(content: string, opts: { firstLine: number; header?: string }): ImportLineInput[] {
  const text = content.replace(/^\uFEFF/u, '');
  const records = splitCsvRecords(text, opts.firstLine);
  const headerText = opts.header?.replace(/^\uFEFF/u, '') ?? records.shift()?.text;
  if (!headerText) return [];
  let names: string[];
  try {
    names = cells(headerText);
  } catch (error) {
    throw new DomainError(ErrorCode.POLICY_IMPORT_FILE_INVALID, undefined, { reason: `表头无法解析：${(error as Error).message}` });
  }
  const fields = names.map(fieldOf);
  const missing = ['title', 'body'].filter((f) => !fields.includes(f));
  if (missing.length > 0) {
    throw new DomainError(ErrorCode.POLICY_IMPORT_FILE_INVALID, undefined, { reason: 'CSV 表头缺少必需的列', missing, header: names });
  }
  return records.map(({ line, text: row }) => {
    let values: string[];
    try {
      values = cells(row);
    } catch (error) {
      return { line, record: null, error: `CSV 格式错误：${(error as Error).message}`.slice(0, 500) };
    }
    if (values.length !== names.length) return { line, record: null, error: `列数不符：表头 ${names.length} 列，本行 ${values.length} 列` };
    const named: Record<string, string> = {};
    fields.forEach((f, i) => {
      if (f && named[f] === undefined) named[f] = values[i]!;
    });
    return { line, record: toRawRecord(named, 'csv', [named.indexNumber, named.sourceUrl]) };
  });
}
