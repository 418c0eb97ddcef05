import { readDictFile } from './dictionary.js';
import { normalize } from './normalize.js';

export const LAW_SHORTHAND_FILE = 'law-shorthand.txt';

/** A shorthand found in a query and the full title (without 中华人民共和国) it stands for. */
export interface LawShorthand {
  shorthand: string;
  full: string;
}

export interface LawShorthandTable {
  /** The shorthands in TEXT (longest first, not overlapping) and the text with them cut out. */
  extract(text: string): { rest: string; found: LawShorthand[] };
}

// 法 that goes on into another word is not the end of a law's name: 国情法律, 网安法规 (but 网安法规定 is).
const WORD_GOES_ON = /^(?:律|院|官|人|学|治|制|典|庭|医|理|师|警|务|规(?!定))/u;

/** Lines "full title,shorthand,…"; `#` starts a comment. A shorthand listed twice keeps its first title. */
export function createLawShorthandTable(text: string): LawShorthandTable {
  const fullOf = new Map<string, string>();
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (!trimmed || trimmed.startsWith('#')) continue;
    const [full, ...shorthands] = trimmed.split(/[,，]/u).map((t) => normalize(t));
    for (const s of shorthands) if (full && s && s !== full && !fullOf.has(s)) fullOf.set(s, full);
  }
  const pattern = fullOf.size
    ? new RegExp(
        [...fullOf.keys()]
          .sort((a, b) => b.length - a.length)
          .map((s) => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&'))
          .join('|'),
        'gu',
      )
    : null;
  return {
    extract(input) {
      if (!pattern) return { rest: input, found: [] };
      const found: LawShorthand[] = [];
      const rest = input.replace(pattern, (match: string, offset: number, whole: string) => {
        if (WORD_GOES_ON.test(whole.slice(offset + match.length))) return match;
        found.push({ shorthand: match, full: fullOf.get(match)! });
        return ' ';
      });
      return { rest, found };
    },
  };
}

let table: LawShorthandTable | undefined;

/** The table shipped in `dict/law-shorthand.txt` (reviewed hand list + shorthand generated from library titles). */
export function defaultLawShorthand(): LawShorthandTable {
  table ??= createLawShorthandTable(readDictFile(LAW_SHORTHAND_FILE).toString('utf8'));
  return table;
}
