import { normalize } from '@govdisc/text-analysis';

/**
 * The maintained agency list: canonical name ← aliases (short forms, old names, spellings seen in
 * the corpus). Extend it here; names not in the list are kept as written (normalised).
 */
const AGENCY_ALIASES: Record<string, readonly string[]> = {
  国务院: ['中华人民共和国国务院', '国务院办公厅印发'],
  国务院办公厅: ['国办'],
  全国人民代表大会: ['全国人大'],
  全国人民代表大会常务委员会: ['全国人大常委会', '全国人民代表大会常委会'],
  最高人民法院: ['最高法', '最高院'],
  最高人民检察院: ['最高检'],
  财政部: ['中华人民共和国财政部'],
  国家税务总局: ['税务总局'],
  人力资源和社会保障部: ['人社部', '人力资源社会保障部', '中华人民共和国人力资源和社会保障部'],
  国家卫生健康委员会: ['国家卫生健康委', '国家卫健委', '卫生健康委'],
  国家市场监督管理总局: ['市场监管总局', '国家市场监管总局'],
  国家发展和改革委员会: ['国家发展改革委', '国家发改委', '发展改革委'],
  工业和信息化部: ['工信部', '工业和信息化部办公厅'],
  公安部: ['中华人民共和国公安部'],
  国家医疗保障局: ['国家医保局', '医保局'],
  交通运输部: ['交通部'],
  商务部: ['中华人民共和国商务部'],
  教育部: ['中华人民共和国教育部'],
};

const byAlias = new Map<string, string>();
for (const [canonical, aliases] of Object.entries(AGENCY_ALIASES)) {
  byAlias.set(normalize(canonical), canonical);
  for (const a of aliases) byAlias.set(normalize(a), canonical);
}

/** One agency name → its canonical name. */
export function canonicalAgency(name: string): string {
  const n = normalize(name).replace(/\s+/g, '');
  return byAlias.get(n) ?? n;
}

/** "财政部、税务总局" / "最高人民法院 最高人民检察院" → canonical names, joint issuers split, no repeats. */
export function splitAgencies(text: string | null | undefined): string[] {
  if (!text) return [];
  const parts = text
    .split(/[、，,;；\s]+|(?<=[院部委局厅办会])和/)
    .map((p) => p.trim())
    .filter(Boolean);
  return [...new Set(parts.map(canonicalAgency))];
}

/** The issuing agencies readers see: the normalised list, or the source's agency text before analysis filled it. */
export function agenciesOf(doc: { agencies: string[]; agency: string | null }): string[] {
  if (doc.agencies.length > 0) return doc.agencies;
  return doc.agency ? [doc.agency] : [];
}
