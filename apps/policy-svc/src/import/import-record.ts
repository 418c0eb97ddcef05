import { z } from 'zod';

const optText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));
const optDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .nullish()
  .transform((v) => v ?? null);

/** One source record (policies.jsonl layout; CSV rows and HTML pages are mapped to it); unknown fields such as `source` are ignored. */
const required = (missing: string, wrongType: string) => ({
  error: (issue: { input?: unknown }) => (issue.input === undefined || issue.input === null ? missing : wrongType),
});

export const ImportRecord = z.object({
  id: z.string(required('缺少 id', 'id 应为文本')).trim().min(1, '缺少 id').max(100),
  title: z.string(required('缺少标题', '标题应为文本')).trim().min(1, '缺少标题').max(500),
  body: z
    .string(required('缺少正文', '正文应为文本'))
    .refine((b) => b.trim().length > 0, '正文为空')
    .pipe(z.string().max(2_000_000, '正文过长')),
  docNumber: optText(100),
  agency: optText(200),
  publishDate: optDate,
  effectiveDate: optDate,
  expiryDate: optDate,
  level: optText(20),
  region: optText(100),
  docType: optText(50),
  /** 索引号 (gov.cn index number) */
  indexNumber: optText(100),
  /** 主题分类, or the source's own subject folder (policies.jsonl `category`) */
  category: optText(100),
  sourceUrl: z
    .url('来源网址无效')
    .nullish()
    .transform((v) => v ?? null),
});
export type ImportRecord = z.output<typeof ImportRecord>;

/** A record, or why it was refused (first problem, with the field name). */
export function parseRecord(raw: unknown): { ok: true; record: ImportRecord } | { ok: false; reason: string } {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return { ok: false, reason: '不是 JSON 对象' };
  const parsed = ImportRecord.safeParse(raw);
  if (parsed.success) return { ok: true, record: parsed.data };
  const issue = parsed.error.issues[0]!;
  return { ok: false, reason: `${issue.path.join('.') || '记录'}: ${issue.message}` };
}

const META = [
  'title',
  'docNumber',
  'agency',
  'publishDate',
  'effectiveDate',
  'expiryDate',
  'level',
  'region',
  'docType',
  'indexNumber',
  'category',
  'sourceUrl',
] as const;

/** Whether a stored row already holds this record's metadata (the body is compared by hash). */
export function sameMetadata(row: Record<(typeof META)[number], string | null>, record: ImportRecord): boolean {
  return META.every((k) => (row[k] ?? null) === (record[k] ?? null));
}
