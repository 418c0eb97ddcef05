import { readDictFile } from './dictionary.js';
import { parseParaphrases, type ParaphraseLexicon } from './paraphrase-lexicon.js';

/**
 * The reviewed hand list of citizens' words → the legal terms a law uses for them (issue 18: 辞退 → 解除劳动合同,
 * 经济补偿), in the paraphrase format (`word<TAB>term:weight,…`). Policy search tries these terms for a query word
 * at a fraction of the word's own weight.
 */
export const QUESTION_LEXICON_FILE = 'question-lexicon.txt';

let lexicon: ParaphraseLexicon | undefined;

/** The hand list shipped in `dict/question-lexicon.txt`. */
export function defaultQuestionLexicon(): ParaphraseLexicon {
  lexicon ??= parseParaphrases(readDictFile(QUESTION_LEXICON_FILE).toString('utf8'));
  return lexicon;
}
