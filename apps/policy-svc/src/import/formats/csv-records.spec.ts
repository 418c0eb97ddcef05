import { readFileSync } from 'node:fs';
import { DomainError } from '@govdisc/contracts';
import { parseRecord } from '../import-record.js';
import { csvToLines, splitCsvRecords } from './csv-records.js';

const fixture = readFileSync(new URL('../../../test/fixtures/policies.csv', import.meta.url), 'utf8');

test('records split at line breaks outside quotes, with the line each starts on', () => {
  const text = 'a,b\n1,"x\ny"\n\n2,"he said ""hi""\nbye"\n3,z';
  expect(splitCsvRecords(text)).toEqual([
    { line: 1, text: 'a,b' },
    { line: 2, text: '1,"x\ny"' },
    { line: 5, text: '2,"he said ""hi""\nbye"' },
    { line: 7, text: '3,z' },
  ]);
  expect(splitCsvRecords('1,x\r\n2,y\r\n', 41)).toEqual([
    { line: 41, text: '1,x' },
    { line: 42, text: '2,y' },
  ]);
});

test('a CSV with Chinese headers maps to the JSONL fields; multi-line bodies, doubled quotes and dates survive', () => {
  const lines = csvToLines(fixture, { firstLine: 1 });
  expect(lines.map((l) => l.line)).toEqual([2, 5, 8, 10, 11, 12, 13]);
  const first = parseRecord(lines[0]!.record);
  expect(first).toEqual({
    ok: true,
    record: expect.objectContaining({
      id: 'jd-2024-001',
      title: '江东市促进中小微企业高质量发展若干措施',
      docNumber: '江政发〔2024〕3号',
      agency: '江东市人民政府',
      publishDate: '2024-01-15',
      level: '市',
      region: '浙江省江东市',
      category: '工业、交通\\中小企业',
    }),
  });
  expect(first.ok && first.record.body.split('\n')).toHaveLength(3);
  expect(lines[1]!.record).toMatchObject({ publishDate: '2024-03-02' });
  expect(lines[2]!.record).toMatchObject({ publishDate: '2024-01-20', body: expect.stringContaining('落实"一站一策"保障措施') });
});

test('malformed rows are reported with their line and reason, the others still parse', () => {
  const lines = csvToLines(fixture, { firstLine: 1 });
  const outcome = lines.map((l) => (l.error ? { line: l.line, reason: l.error } : { line: l.line, ...parseRecord(l.record) }));
  expect(outcome.filter((o) => !('ok' in o) || !o.ok)).toEqual([
    { line: 10, reason: expect.stringMatching(/列数不符：表头 9 列，本行 3 列/) },
    { line: 11, ok: false, reason: expect.stringMatching(/^publishDate: 日期格式应为 YYYY-MM-DD/) },
    { line: 12, ok: false, reason: expect.stringMatching(/^title/) },
  ]);
});

test('a later chunk carries the header and its first line number', () => {
  const [header, ...rest] = fixture.split('\r\n');
  const chunk = rest.slice(11).join('\r\n'); // from file line 13 on
  expect(csvToLines(chunk, { firstLine: 13, header })).toEqual([{ line: 13, record: expect.objectContaining({ id: 'jd-2024-007' }) }]);
});

test('rows without an id get a stable one; a header without title and body refuses the file', () => {
  const a = csvToLines('标题,正文\n通知一,第一条 内容。', { firstLine: 1 });
  const b = csvToLines('标题,正文\n通知一,第一条 内容（修改）。', { firstLine: 1 });
  expect((a[0]!.record as { id: string }).id).toMatch(/^csv-[0-9a-f]{16}$/);
  expect((a[0]!.record as { id: string }).id).toBe((b[0]!.record as { id: string }).id);
  expect(() => csvToLines('文件,日期\n通知一,2024-01-01', { firstLine: 1 })).toThrow(DomainError);
  try {
    csvToLines('文件,日期\n通知一,2024-01-01', { firstLine: 1 });
  } catch (error) {
    expect((error as DomainError).details).toMatchObject({ missing: ['title', 'body'] });
  }
});
