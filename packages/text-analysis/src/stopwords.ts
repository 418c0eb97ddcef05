/** Function words dropped at index and query time (same list on both sides keeps lengths equal). */
export const STOPWORDS: ReadonlySet<string> = new Set([
  '的', '了', '和', '与', '及', '或', '等', '是', '在', '对', '于', '为', '以', '其', '之', '而',
  '并', '将', '由', '被', '把', '从', '向', '按', '就', '也', '都', '又', '这', '那', '该', '此',
  '各', '所', '有关', '关于', '及其', '以及', '或者', '并且', '应当', '可以', '一', '个',
]);

/** Words people add to questions that say nothing about the topic; dropped from queries only. */
export const QUERY_FILLERS: ReadonlySet<string> = new Set([
  '怎么', '怎么办', '怎样', '如何', '什么', '哪些', '哪里', '哪个', '吗', '呢', '吧', '啊', '我',
  '我们', '你', '您', '能', '能不能', '能否', '要', '需要', '请问', '想', '想问', '问', '一下',
  '有没有', '是否', '多少', '的话', '现在', '还', '去', '了解', '规定', '政策', '相关', '具体',
  // Colloquial question words (measured on bench/dev-sets: they made whole questions miss).
  '啥', '咋', '咋办', '几', '几天', '几号', '几点', '哪天', '哪儿', '多久', '多长时间', '多少钱', '干嘛', '怎么个', '么',
]);

const WORDLIKE = /[\p{L}\p{N}]/u;

/** Punctuation, symbols and whitespace carry no meaning for search. */
export function isWordlike(token: string): boolean {
  return WORDLIKE.test(token);
}
