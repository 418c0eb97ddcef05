export { analyzerVersion } from './analyzer-version.js';
export { onePerAnswer, SAME_ANSWER_MIN_CHARS, sameAnswerKey } from './answer-groups.js';
export { cjkBigrams } from './bigrams.js';
export { DICT_DIR, DICT_FILES, SYNONYM_FILE } from './dictionary.js';
export { detectDocNumber, parseDocNumber, recordOrderNumbers, type DocNumber } from './doc-number.js';
export { decodeEntities, escapeHtml } from './html.js';
export { normalize } from './normalize.js';
export { pinyinInitials, soundKey } from './pinyin.js';
export { extractPlaces, placeFactor, removePlaces, type Place } from './places.js';
export { jaccard, questionTokens } from './question-similarity.js';
export { analyzeQuestion, gramFeatures, questionIntents, type AnalyzedQuestion, type QuestionIntent } from './question-features.js';
export { QuestionBigramRanker, questionBigrams } from './question-bigram-ranker.js';
export { MATCH_PARAMS, QuestionMatcher, type MatcherTuning, type MatchOptions, type QuestionMatch } from './question-matcher.js';
export {
  defaultParaphrases,
  NO_PARAPHRASES,
  PARAPHRASE_FILE,
  parseParaphrases,
  type Paraphrase,
  type ParaphraseLexicon,
} from './paraphrase-lexicon.js';
export { defaultQuestionLexicon, QUESTION_LEXICON_FILE } from './question-lexicon.js';
export { calibratedConfidence, calibrateMatches, type ConfidenceModel } from './confidence-calibration.js';
export { QA_CONFIDENCE_MODEL } from './qa-confidence-model.js';
export { createLawShorthandTable, defaultLawShorthand, type LawShorthand, type LawShorthandTable } from './law-shorthand.js';
export { extractQaDrafts, proposeQaPairs, splitClauses, type Extraction, type ExtractOptions, type ProposedPair } from './qa-extraction.js';
export { isClean as isCleanQuestion, questionFor, type DraftQuestion, type QuestionKind } from './qa-questions.js';
export { cutWords, getJieba, indexTokens, queryTokens, SEGMENTER_SETTINGS } from './segmenter.js';
export {
  SnippetText,
  snippet,
  snippetOfWindow,
  snippetTerms,
  snippetWindow,
  snippetWindowSpan,
  type SnippetOptions,
  type SnippetWindow,
} from './snippet.js';
export { QUERY_FILLERS, STOPWORDS, isWordlike } from './stopwords.js';
export { createSynonymTable, defaultSynonyms, expandQuery, parseSynonyms, type SynonymTable } from './synonyms.js';
export { chineseNumber, clauseAnchor, clauseLabel, clauseText, toParagraphs, type Paragraph } from './clauses.js';
export { citableClauses, locateClause, matchKey, quoteIn, type ClauseMatch, type LocateOptions } from './clause-locator.js';
export {
  CITIZEN_TOPIC_FILE,
  TopicClassifier,
  citizenTopicClassifier,
  parseTopicLexicon,
  type TopicInput,
  type TopicLexiconEntry,
  type TopicScore,
} from './topic-classifier.js';
export { TOPIC_CALIBRATION, type TopicCalibration } from './topic-calibration.js';
