import { indexTokens, pinyinInitials } from '@govdisc/text-analysis';
import { addTo, removeFrom } from '../../infra/set-map.js';

/** What the lexicon takes from one searchable document. */
export interface LexiconSource {
  id: string;
  version: number;
  title: string;
  keywords: readonly string[];
  topics: readonly string[];
  agencies: readonly string[];
}

const MAX_TERM = 20;
const HAN = /\p{Script=Han}/u;
const LATIN_WORD = /^[a-z][a-z0-9]+$/u;

/** Words worth suggesting: two characters or more, Chinese or a Latin word, not bare numbers. */
export function isLexiconTerm(term: string): boolean {
  const n = [...term].length;
  return n >= 2 && n <= MAX_TERM && (HAN.test(term) || LATIN_WORD.test(term));
}

/** A title's words and their dictionary sub-words (基本医疗保险 → 医疗保险, 医疗 …), lexicon-worthy only. */
export function titleTerms(title: string): string[] {
  return [...new Set(indexTokens(title).filter(isLexiconTerm))];
}

/** Title terms, keywords, topics and agency names. */
export function lexiconTerms(doc: LexiconSource): string[] {
  return [...new Set([...titleTerms(doc.title), ...[...doc.keywords, ...doc.topics, ...doc.agencies].filter(isLexiconTerm)])];
}

/**
 * The library's own vocabulary with document frequencies, kept per document so an update replaces
 * that document's terms (versions order updates; an older one is ignored). Did-you-mean corrects
 * towards it; related-document scoring weighs shared terms by its idf.
 */
export class SearchLexicon {
  private readonly df = new Map<string, number>();
  private readonly byChar = new Map<string, Set<string>>();
  private readonly byInitials = new Map<string, Set<string>>();
  private readonly initials = new Map<string, string>();
  private readonly docs = new Map<string, { version: number; terms: string[] }>();

  /** Number of documents whose terms are held. */
  get documents(): number {
    return this.docs.size;
  }

  upsert(doc: LexiconSource): boolean {
    const held = this.docs.get(doc.id);
    if (held && held.version >= doc.version) return false;
    if (held) held.terms.forEach((t) => this.release(t));
    const terms = lexiconTerms(doc);
    terms.forEach((t) => this.hold(t));
    this.docs.set(doc.id, { version: doc.version, terms });
    return true;
  }

  remove(id: string): boolean {
    const held = this.docs.get(id);
    if (!held) return false;
    held.terms.forEach((t) => this.release(t));
    this.docs.delete(id);
    return true;
  }

  has(term: string): boolean {
    return this.df.has(term);
  }

  frequency(term: string): number {
    return this.df.get(term) ?? 0;
  }

  /** ln(1 + N/df): rare shared terms say more than ones every title has. Unknown terms count as df 1. */
  idf(term: string): number {
    return Math.log(1 + Math.max(1, this.docs.size) / Math.max(1, this.frequency(term)));
  }

  /** Terms containing at least `minShared` of the given characters (distinct), with how many they contain. */
  termsSharingChars(chars: Iterable<string>, minShared: number): Map<string, number> {
    const shared = new Map<string, number>();
    for (const c of new Set(chars)) for (const term of this.byChar.get(c) ?? []) shared.set(term, (shared.get(term) ?? 0) + 1);
    for (const [term, n] of shared) if (n < minShared) shared.delete(term);
    return shared;
  }

  /** Pinyin initials of a held Chinese term (computed once, when the term arrived). */
  initialsOf(term: string): string | undefined {
    return this.initials.get(term);
  }

  /** Chinese terms whose pinyin initials are exactly these letters (zjtx → 专精特新). */
  termsWithInitials(initials: string): string[] {
    return [...(this.byInitials.get(initials) ?? [])];
  }

  private hold(term: string) {
    const n = this.df.get(term) ?? 0;
    this.df.set(term, n + 1);
    if (n > 0) return;
    for (const c of new Set(term)) addTo(this.byChar, c, term);
    if (!HAN.test(term)) return;
    const initials = pinyinInitials(term);
    this.initials.set(term, initials);
    addTo(this.byInitials, initials, term);
  }

  private release(term: string) {
    const n = this.df.get(term) ?? 0;
    if (n > 1) return void this.df.set(term, n - 1);
    this.df.delete(term);
    for (const c of new Set(term)) removeFrom(this.byChar, c, term);
    const initials = this.initials.get(term);
    if (initials === undefined) return;
    this.initials.delete(term);
    removeFrom(this.byInitials, initials, term);
  }
}
