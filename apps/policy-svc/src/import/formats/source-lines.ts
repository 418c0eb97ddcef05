import type { PolicyImportFormat } from '@govdisc/contracts';
import type { ImportLineInput } from './import-line.js';
import { csvToLines } from './csv-records.js';
import { govPageToRecord } from './gov-page.js';
import { jsonlToLines } from './jsonl-lines.js';

/** A file (or chunk) in any supported format → the import lines the job takes. */
export function sourceLines(input: {
  format: PolicyImportFormat;
  content: string;
  firstLine: number;
  header?: string;
  sourceUrl?: string;
}): ImportLineInput[] {
  switch (input.format) {
    case 'jsonl':
      return jsonlToLines(input.content, input.firstLine);
    case 'csv':
      return csvToLines(input.content, { firstLine: input.firstLine, header: input.header });
    case 'html': {
      const page = govPageToRecord(input.content, { sourceUrl: input.sourceUrl });
      return [page.ok ? { line: input.firstLine, record: page.record } : { line: input.firstLine, record: null, error: page.reason }];
    }
  }
}
