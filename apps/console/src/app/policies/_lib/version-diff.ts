import { diffChars, diffLines } from 'diff';

/** One piece of a changed line: kept, added or removed characters. */
export interface Piece {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

/** One row of the comparison: an unchanged line, a removed or added line (with its changed characters), or a gap. */
export type DiffRow = { kind: 'same'; text: string } | { kind: 'removed' | 'added'; pieces: Piece[] } | { kind: 'gap'; lines: number };

/** Unix line ends and a final one, so a last line without its line end still equals the same line with one. */
const normalise = (text: string) => `${text.replace(/\r\n?/g, '\n').replace(/\n*$/, '')}\n`;
const lines = (text: string) => text.replace(/\n$/, '').split('\n');

/**
 * Compares two versions' bodies line by line (jsdiff's Myers diff), and within a replaced line character by character
 * (Chinese has no spaces between words, so a word diff would mark whole sentences). Unchanged runs longer than
 * 2 × `context` lines are folded into a gap.
 */
export function diffVersions(before: string, after: string, context = 2): DiffRow[] {
  const rows: DiffRow[] = [];
  const parts = diffLines(normalise(before), normalise(after));
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const next = parts[i + 1];
    if (part.removed && next?.added) {
      rows.push(...pairRows(lines(part.value), lines(next.value)));
      i++;
    } else if (part.added || part.removed) {
      const kind: 'added' | 'removed' = part.added ? 'added' : 'removed';
      rows.push(...lines(part.value).map((text): DiffRow => ({ kind, pieces: [{ kind, text }] })));
    } else {
      rows.push(...fold(lines(part.value), context, i === 0, i === parts.length - 1));
    }
  }
  return rows;
}

/** Replaced lines: the i-th old line against the i-th new one, character by character; the rest whole. */
function pairRows(old: string[], now: string[]): DiffRow[] {
  const removed: DiffRow[] = [];
  const added: DiffRow[] = [];
  for (let i = 0; i < Math.max(old.length, now.length); i++) {
    const [a, b] = [old[i], now[i]];
    if (a !== undefined && b !== undefined) {
      const changes = diffChars(a, b);
      removed.push({
        kind: 'removed',
        pieces: changes.filter((c) => !c.added).map((c) => ({ kind: c.removed ? 'removed' : 'same', text: c.value })),
      });
      added.push({
        kind: 'added',
        pieces: changes.filter((c) => !c.removed).map((c) => ({ kind: c.added ? 'added' : 'same', text: c.value })),
      });
    } else if (a !== undefined) removed.push({ kind: 'removed', pieces: [{ kind: 'removed', text: a }] });
    else if (b !== undefined) added.push({ kind: 'added', pieces: [{ kind: 'added', text: b }] });
  }
  return [...removed, ...added];
}

/** Unchanged lines: `context` lines kept next to each change, the middle folded. */
function fold(same: string[], context: number, first: boolean, last: boolean): DiffRow[] {
  const head = first ? 0 : context;
  const tail = last ? 0 : context;
  const kept = (text: string): DiffRow => ({ kind: 'same', text });
  if (same.length <= head + tail + 1) return same.map(kept);
  return [...same.slice(0, head).map(kept), { kind: 'gap', lines: same.length - head - tail }, ...same.slice(same.length - tail).map(kept)];
}

/** How many lines were added and removed (the summary above the comparison). */
export function diffStats(rows: DiffRow[]): { added: number; removed: number } {
  return {
    added: rows.filter((r) => r.kind === 'added').length,
    removed: rows.filter((r) => r.kind === 'removed').length,
  };
}
