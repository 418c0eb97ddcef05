/** One piece of an uploaded file, as POST /policies/import/files takes it (lines numbered in the whole file). */
export interface ImportChunk {
  content: string;
  firstLine: number;
  /** CSV chunks after the first repeat the header row */
  header?: string;
  /** the file's last line in this chunk */
  lastLine: number;
}

export type ImportFormat = 'jsonl' | 'csv' | 'html';

/** The format the service will read a file as, from its name (as the service itself decides), or null. */
export function formatOf(fileName: string): ImportFormat | null {
  const ext = /\.([a-z]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (ext === 'jsonl' || ext === 'ndjson') return 'jsonl';
  if (ext === 'csv') return 'csv';
  if (ext === 'html' || ext === 'htm') return 'html';
  return null;
}

/**
 * Splits a file into chunks of at most `records` records and `maxChars` characters, cut at record boundaries: JSONL at
 * line ends, CSV where no quoted field is open (a quoted field may span lines), an HTML page never. The console sends
 * the chunks one after another, so the job's progress (its last line) moves while the rest is still on its way.
 */
export function chunksOf(format: ImportFormat, text: string, opts: { records?: number; maxChars?: number } = {}): ImportChunk[] {
  const records = opts.records ?? 200;
  const maxChars = opts.maxChars ?? 900_000;
  const all = text.replace(/\r\n?/g, '\n').replace(/\n+$/, '').split('\n');
  if (format === 'html') return [{ content: text, firstLine: 1, lastLine: all.length }];
  const header = format === 'csv' ? all[0] : undefined;
  const chunks: ImportChunk[] = [];
  let start = format === 'csv' ? 1 : 0; // index of the chunk's first line (CSV: after the header)
  let count = 0;
  let size = 0;
  let open = false; // inside a quoted CSV field
  for (let i = start; i < all.length; i++) {
    const line = all[i]!;
    size += line.length + 1;
    if (format === 'csv') open = (line.split('"').length - 1) % 2 === 1 ? !open : open;
    if (open) continue;
    count++;
    const last = i === all.length - 1;
    if (count >= records || size >= maxChars || last) {
      const body = all.slice(start, i + 1).join('\n');
      const first = chunks.length === 0;
      chunks.push(
        format === 'csv'
          ? {
              content: first ? `${header}\n${body}` : body,
              firstLine: first ? 1 : start + 1,
              lastLine: i + 1,
              ...(first ? {} : { header }),
            }
          : { content: body, firstLine: start + 1, lastLine: i + 1 },
      );
      start = i + 1;
      count = 0;
      size = 0;
    }
  }
  if (open && start < all.length) chunks.push({ content: all.slice(start).join('\n'), firstLine: start + 1, lastLine: all.length, header });
  return chunks;
}
