import type { BundleMaterial, GuideMatterView, z } from '@govdisc/contracts';

type Matter = Pick<GuideMatterView, 'code' | 'name' | 'materials'>;
type Merged = z.infer<typeof BundleMaterial>;

/** Leading words that do not change which document is meant (申请人身份证 = 身份证). */
const PREFIXES = /^(申请人|经办人|本人|有效|居民)+/u;
/** A bracketed note on which copy to bring (营业执照（副本）= 营业执照): merged; how many is in originals/copies. */
const COPY_NOTE = /[（(](正本|副本|正副本|原件|复印件|原件及复印件|原件和复印件)[)）]/gu;
/**
 * The key two materials are the same document by: NFKC (full-width → half-width), lower case, without
 * white space, punctuation and brackets (《》（）“”), without a note on which copy (（副本）, （复印件）) and without
 * leading words such as 申请人/本人/有效/居民.
 */
export function materialKey(name: string): string {
  return name
    .replace(COPY_NOTE, '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]/gu, '')
    .replace(PREFIXES, '');
}

/**
 * One list of the materials of several matters, in first-seen order: a material several matters need is
 * listed once, naming every matter that needs it, with the most originals and copies any of them asks
 * for; it is required if any matter requires it (otherwise the matters' conditions are listed), and
 * exempted by shared data only if every matter exempts it.
 */
export function mergeMaterials(matters: readonly Matter[]): Merged[] {
  const byKey = new Map<string, Merged>();
  for (const matter of matters) {
    for (const m of matter.materials) {
      const key = materialKey(m.name);
      const seen = byKey.get(key);
      if (!seen) {
        byKey.set(key, {
          name: m.name,
          form: m.form,
          originals: m.originals,
          copies: m.copies,
          required: m.required,
          conditions: !m.required && m.condition ? [m.condition] : [],
          exemptedBySharedData: m.exemptedBySharedData,
          ...(m.templateUrl ? { templateUrl: m.templateUrl } : {}),
          neededBy: [{ code: matter.code, name: matter.name }],
        });
        continue;
      }
      if (seen.form !== m.form) seen.form = '纸质或电子';
      seen.originals = Math.max(seen.originals, m.originals);
      seen.copies = Math.max(seen.copies, m.copies);
      seen.required ||= m.required;
      if (!m.required && m.condition && !seen.conditions.includes(m.condition)) seen.conditions.push(m.condition);
      seen.exemptedBySharedData &&= m.exemptedBySharedData;
      seen.templateUrl ??= m.templateUrl;
      if (!seen.neededBy.some((n) => n.code === matter.code)) seen.neededBy.push({ code: matter.code, name: matter.name });
    }
  }
  const merged = [...byKey.values()];
  for (const m of merged) if (m.required) m.conditions = [];
  return merged;
}
