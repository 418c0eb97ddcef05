import type { ImportLineInput } from './import-line.js';

/** JSONL text → import lines; a line that is not JSON becomes a rejected line with the parser's reason. */
export function jsonlToLines(content: string, firstLine: number): ImportLineInput[] {
  const out: ImportLineInput[] = [];
  content.split('\n').forEach((text, i) => {
    if (!text.trim()) return;
    const line = firstLine + i;
    try {
      out.push({ line, record: JSON.parse(text) });
    } catch (error) {
      out.push({ line, record: null, error: `不是有效的 JSON：${(error as Error).message}`.slice(0, 500) });
    }
  });
  return out;
}
