import { DomainError, ErrorCode, type PolicyImportFormat } from '@govdisc/contracts';

const BY_EXTENSION: Record<string, PolicyImportFormat> = {
  jsonl: 'jsonl',
  ndjson: 'jsonl',
  json: 'jsonl',
  csv: 'csv',
  html: 'html',
  htm: 'html',
  shtml: 'html',
  xhtml: 'html',
};

/** The explicit format, else the file name's extension; neither → POLICY_IMPORT_FORMAT_UNKNOWN. */
export function detectFormat(fileName: string, format?: PolicyImportFormat): PolicyImportFormat {
  if (format) return format;
  const ext = /\.([a-z0-9]+)$/iu.exec(fileName.trim())?.[1]?.toLowerCase();
  const found = ext ? BY_EXTENSION[ext] : undefined;
  if (!found) throw new DomainError(ErrorCode.POLICY_IMPORT_FORMAT_UNKNOWN, undefined, { fileName, supported: Object.keys(BY_EXTENSION) });
  return found;
}
