import { createHash } from 'node:crypto';

/** Import record fields (policies.jsonl names) and the column / label names that mean them. */
const ALIASES: Record<string, readonly string[]> = {
  id: ['id', 'externalid', 'external_id', '编号', '文档编号', '唯一标识'],
  title: ['title', '标题', '文件标题', '文件名称', '名称'],
  body: ['body', 'content', 'text', '正文', '内容', '全文'],
  docNumber: ['docnumber', 'doc_number', '发文字号', '文号', '文件编号'],
  agency: ['agency', '发文机关', '发文单位', '发布机构', '发布机关', '制发机关'],
  // 成文日期 is a document's date; 发布日期 only when there is none (see pickDate).
  publishDate: ['publishdate', 'publish_date', '成文日期', '日期'],
  releaseDate: ['releasedate', 'release_date', '发布日期', '公布日期', '印发日期'],
  effectiveDate: ['effectivedate', 'effective_date', '施行日期', '生效日期', '实施日期'],
  expiryDate: ['expirydate', 'expiry_date', '失效日期', '废止日期', '有效期至'],
  level: ['level', '层级', '效力级别'],
  region: ['region', '地区', '区域', '行政区划'],
  docType: ['doctype', 'doc_type', '文种', '公文种类', '文件类型', '类型'],
  indexNumber: ['indexnumber', 'index_number', '索引号'],
  category: ['category', '主题分类', '分类', '主题'],
  sourceUrl: ['sourceurl', 'source_url', 'url', '链接', '网址', '原文链接', '来源网址'],
};

const byName = new Map<string, string>();
for (const [field, names] of Object.entries(ALIASES)) for (const n of names) byName.set(n, field);

/** A column header or metadata label → the field it fills (null when unknown): spacing, colons and case ignored. */
export function fieldOf(label: string): string | null {
  return byName.get(cleanLabel(label).toLowerCase()) ?? null;
}

/** "索　引　号：" → "索引号" */
export function cleanLabel(label: string): string {
  return label.replace(/[\s\u00a0\u3000:：]/gu, '');
}

/** 2020年2月5日, 2020/02/05, 2020.2.5, 2020-02-05 16:30 → 2020-02-05; anything else unchanged (validation reports it). */
export function normalizeDate(text: string): string {
  const t = text.trim();
  const m = /^(\d{4})\s*[年/.-]\s*(\d{1,2})\s*[月/.-]\s*(\d{1,2})\s*日?(?:\s.*)?$/u.exec(t);
  return m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : t;
}

const DATE_FIELDS = new Set(['publishDate', 'releaseDate', 'effectiveDate', 'expiryDate']);

/**
 * Named values (CSV cells, page metadata) → a raw import record for parseRecord, which validates it.
 * Empty values are dropped; dates are normalised; a record without an id gets a stable one derived from
 * `idBasis` (so the same row or page imported again updates the same document).
 */
export function toRawRecord(
  fields: Record<string, string | undefined>,
  idPrefix: string,
  idBasis: Array<string | undefined>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(fields)) {
    const value = v?.replace(/\r\n?/gu, '\n').trim();
    if (value) out[k] = DATE_FIELDS.has(k) ? normalizeDate(value) : value;
  }
  if (!out.publishDate && out.releaseDate) out.publishDate = out.releaseDate;
  delete out.releaseDate;
  if (!out.id) out.id = `${idPrefix}-${stableId(idBasis.find((b) => b?.trim()) ?? [out.title, out.docNumber, out.publishDate].join('|'))}`;
  return out;
}

const stableId = (basis: string) => createHash('sha1').update(basis).digest('hex').slice(0, 16);
