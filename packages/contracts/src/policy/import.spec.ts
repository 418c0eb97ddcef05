import { ErrorCode } from '../errors.js';
import { parseOrThrow } from '../validation.js';
import { MAX_SOURCE_LINE, PolicyImportBatchReq, PolicyImportFileReq } from './import.js';

// Found by the fuzz test: line 2^53−1 passed the contract and overflowed the job's integer column (500).
test('source line numbers stay inside what a job can store', () => {
  const batch = (line: number, after?: number) => ({ items: [{ line, record: {} }], after });
  expect(parseOrThrow(PolicyImportBatchReq, batch(MAX_SOURCE_LINE, MAX_SOURCE_LINE)).items[0]!.line).toBe(MAX_SOURCE_LINE);
  for (const bad of [batch(Number.MAX_SAFE_INTEGER), batch(2 ** 31), batch(1, 2 ** 31)]) {
    expect(() => parseOrThrow(PolicyImportBatchReq, bad)).toThrow(expect.objectContaining({ code: ErrorCode.VALIDATION_FAILED }));
  }
  expect(() => parseOrThrow(PolicyImportFileReq, { fileName: 'a.jsonl', content: '{}', firstLine: 2 ** 31 })).toThrow(
    expect.objectContaining({ code: ErrorCode.VALIDATION_FAILED }),
  );
});
