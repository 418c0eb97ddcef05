import { QUERY_FILLERS, STOPWORDS, cutWords, detectDocNumber, isWordlike, normalize, pinyinInitials } from '@govdisc/text-analysis';
import { editDistance } from './edit-distance.js';
import type { SearchLexicon } from './search-lexicon.js';

/** Longer queries are sentences, not mistyped words; the limit also bounds the work (~20 ms at 40). */
const MAX_QUERY_CHARS = 40;
/** Longest stretch of the query (in characters) corrected as one word. */
const MAX_WINDOW = 8;
/** Same pinyin initials: the usual typo is a homophone picked from the input method's list. */
const SAME_SOUND_BONUS = 0.25;
/** Per character gained or lost: a fix that drops or adds characters changes the meaning more. */
const LENGTH_CHANGE_COST = 0.1;
/** Cost of reading Latin letters as pinyin initials (gjj → 公积金): below a 1-in-3 edit. */
const INITIALS_COST = 0.3;
const HAN = /\p{Script=Han}/u;
const LATIN = /^[a-z]{2,8}$/u;

/** A stretch of tokens [start, end) and what it would read as. */
interface Fix {
  start: number;
  end: number;
  replacement: string;
  changed: boolean;
  /** lower is better; a confirmed word (no change) is -1 */
  cost: number;
  chars: number;
  df: number;
}

/**
 * "Did you mean": rewrites the query towards the library's own vocabulary, or returns null.
 * Mistyped words come out of the segmenter as runs of single characters or as words no title
 * uses (公机金 → 公/机/金); each such stretch, alone or with a neighbouring word, is matched
 * against the lexicon within one edit (two for five characters or more), same-sounding words
 * first. Stretches are then taken best-first without overlapping. Latin letters that are the
 * pinyin initials of a known word are read as that word.
 */
export function proposeCorrection(query: string, lexicon: SearchLexicon): string | null {
  const norm = normalize(query);
  if (!norm || [...norm].length > MAX_QUERY_CHARS || detectDocNumber(norm)) return null;
  const tokens = cutWords(norm);
  const fixes = pickNonOverlapping([...hanFixes(tokens, lexicon), ...initialsFixes(tokens, lexicon)]);
  if (!fixes.some((f) => f.changed)) return null;
  const out: string[] = [];
  let at = 0;
  for (const fix of fixes.sort((a, b) => a.start - b.start)) {
    out.push(...tokens.slice(at, fix.start), fix.replacement);
    at = fix.end;
  }
  out.push(...tokens.slice(at));
  const corrected = out.join('');
  return corrected !== norm ? corrected : null;
}

/** Function words and question fillers (怎么, 的) stay as typed and end a stretch. */
const isFunctionWord = (token: string) => STOPWORDS.has(token) || QUERY_FILLERS.has(token);
const isCorrectable = (token: string) => HAN.test(token) && isWordlike(token) && !isFunctionWord(token);

function* hanFixes(tokens: string[], lexicon: SearchLexicon): Generator<Fix> {
  for (let start = 0; start < tokens.length; start++) {
    let text = '';
    let suspicious = false;
    for (let end = start + 1; end <= tokens.length; end++) {
      const token = tokens[end - 1]!;
      if (!isCorrectable(token)) break;
      text += token;
      // A lone character or a word no title, keyword or topic uses may be mistyped.
      suspicious ||= !lexicon.has(token);
      const chars = [...text].length;
      if (chars > MAX_WINDOW) break;
      if (!suspicious || chars < 2) continue;
      const confirmed = lexicon.has(text);
      const fix = confirmed ? { replacement: text, cost: -1, df: lexicon.frequency(text) } : bestCorrection(text, lexicon);
      if (fix) yield { start, end, chars, changed: !confirmed, ...fix };
    }
  }
}

/** The closest lexicon word within the edit budget, or null. */
function bestCorrection(text: string, lexicon: SearchLexicon): { replacement: string; cost: number; df: number } | null {
  const length = [...text].length;
  const maxEdits = length <= 4 ? 1 : 2;
  const distinct = new Set(text);
  const sound = pinyinInitials(text);
  let best: { replacement: string; cost: number; df: number } | null = null;
  for (const term of lexicon.termsSharingChars(distinct, Math.max(1, distinct.size - maxEdits)).keys()) {
    // Only dropping or adding characters is not a correction: the shorter form is already in the query.
    if (term.includes(text) || text.includes(term)) continue;
    const d = editDistance(text, term, maxEdits);
    if (d > maxEdits) continue;
    const sameSound = lexicon.initialsOf(term) === sound;
    // Two characters: too many words are one edit apart, so only a same-sounding one is a likely typo.
    if (length === 2 && !sameSound) continue;
    const termLength = [...term].length;
    const cost = d / Math.max(length, termLength) + LENGTH_CHANGE_COST * Math.abs(termLength - length) - (sameSound ? SAME_SOUND_BONUS : 0);
    const df = lexicon.frequency(term);
    if (!best || cost < best.cost || (cost === best.cost && (df > best.df || (df === best.df && term < best.replacement)))) {
      best = { replacement: term, cost, df };
    }
  }
  return best;
}

function* initialsFixes(tokens: string[], lexicon: SearchLexicon): Generator<Fix> {
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (!LATIN.test(token) || lexicon.has(token)) continue;
    const [word] = lexicon
      .termsWithInitials(token)
      .sort((a, b) => lexicon.frequency(b) - lexicon.frequency(a) || a.length - b.length || (a < b ? -1 : 1));
    if (word)
      yield {
        start: i,
        end: i + 1,
        replacement: word,
        changed: true,
        cost: INITIALS_COST,
        chars: token.length,
        df: lexicon.frequency(word),
      };
  }
}

/** Best first: lowest cost, then the longer stretch, then the more frequent word. */
function pickNonOverlapping(fixes: Fix[]): Fix[] {
  const taken: Fix[] = [];
  const ordered = fixes.sort((a, b) => a.cost - b.cost || b.chars - a.chars || b.df - a.df || a.start - b.start);
  for (const fix of ordered) if (taken.every((t) => fix.end <= t.start || fix.start >= t.end)) taken.push(fix);
  return taken;
}
