import { open, readFile, rename } from 'node:fs/promises';
import { analyzerVersion as currentAnalyzerVersion, SnippetText } from '@govdisc/text-analysis';
import { TEXT_FIELDS, type TextField } from '../ranking.js';
import { FACET_FIELDS, AnalyzerVersionMismatchError, type FacetField } from '../types.js';
import { readContainer, view, writeContainer, type Section } from './binary.js';
import { EmbeddedSearchIndex } from './embedded-index.js';
import { FieldIndex } from './field-index.js';
import { IndexState, type StoredDoc } from './state.js';

/**
 * 2: bodies kept as prepared snippet texts (cleaned text + word lengths) instead of raw bodies; 3: docnoKeys (every
 * order number); 4: the clause field and each clause's document (passage scoring).
 */
export const SNAPSHOT_FORMAT = 4;

interface Header {
  format: number;
  analyzerVersion: string;
  docs: number;
  fields: Record<TextField, { docCount: number; sumTotalTermFreq: number; terms: number }>;
  clauses: { count: number; field: { docCount: number; sumTotalTermFreq: number; terms: number } };
  facetNames: Record<FacetField, string[]>;
}

const bytesOf = (a: Int32Array | Uint16Array) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

/** Only live documents are written, renumbered densely: a snapshot is also a compaction. */
function liveRenumbering(state: IndexState): Int32Array {
  const map = new Int32Array(state.size).fill(-1);
  let next = 0;
  state.stored.forEach((st, d) => st && (map[d] = next++));
  return map;
}

function encodeField(
  fi: FieldIndex,
  map: Int32Array,
  live: number,
  name: string,
): { sections: Section[]; meta: Header['fields'][TextField] } {
  const terms: string[] = [];
  const offsets: number[] = [0];
  const docs: number[] = [];
  const tfs: number[] = [];
  const norms = new Uint8Array(live);
  let docCount = 0;
  let sum = 0;
  for (const [term, p] of fi.terms) {
    for (let i = 0; i < p.len; i++) {
      const d = map[p.docs[i]!]!;
      if (d < 0) continue;
      docs.push(d);
      tfs.push(p.tfs[i]!);
      sum += p.tfs[i]!;
    }
    if (docs.length > offsets.at(-1)!) {
      terms.push(term);
      offsets.push(docs.length);
    }
  }
  map.forEach((d, old) => {
    if (d < 0) return;
    norms[d] = fi.norms[old]!;
    if (norms[d] > 0) docCount++;
  });
  const sections: Section[] = [
    { name: `${name}.terms`, bytes: Buffer.from(terms.join('\n')) },
    { name: `${name}.offsets`, bytes: bytesOf(Int32Array.from(offsets)) },
    { name: `${name}.docs`, bytes: bytesOf(Int32Array.from(docs)) },
    { name: `${name}.tfs`, bytes: bytesOf(Uint16Array.from(tfs)) },
    { name: `${name}.norms`, bytes: norms },
  ];
  return { sections, meta: { docCount, sumTotalTermFreq: sum, terms: terms.length } };
}

function encodeColumns(state: IndexState, map: Int32Array): Section[] {
  return FACET_FIELDS.flatMap((f) => {
    const offsets: number[] = [0];
    const values: number[] = [];
    map.forEach((d, old) => {
      if (d < 0) return;
      values.push(...state.columns.values[f][old]!);
      offsets.push(values.length);
    });
    return [
      { name: `facet.${f}.offsets`, bytes: bytesOf(Int32Array.from(offsets)) },
      { name: `facet.${f}.values`, bytes: bytesOf(Int32Array.from(values)) },
    ];
  });
}

/** The live documents' snippet texts: the texts as JSON, the word lengths back to back with per-document offsets. */
function encodeSnippetTexts(state: IndexState): Section[] {
  const texts: SnippetText[] = state.snippetTexts.filter((t, d): t is SnippetText => t !== null && state.stored[d] !== null);
  const offsets = new Int32Array(texts.length + 1);
  texts.forEach((t, i) => (offsets[i + 1] = offsets[i]! + t.lengths.length));
  const lengths = new Uint8Array(offsets[texts.length]!);
  texts.forEach((t, i) => lengths.set(t.lengths, offsets[i]));
  return [
    { name: 'snippet.texts', bytes: Buffer.from(JSON.stringify(texts.map((t) => t.text))) },
    { name: 'snippet.offsets', bytes: bytesOf(offsets) },
    { name: 'snippet.lengths', bytes: lengths },
  ];
}

function decodeSnippetTexts(c: ReturnType<typeof readContainer<Header>>): SnippetText[] {
  const texts = JSON.parse(Buffer.from(c.section('snippet.texts')).toString('utf8')) as string[];
  const offsets = view(c.section('snippet.offsets'), Int32Array);
  const lengths = c.section('snippet.lengths');
  return texts.map((text, i) => SnippetText.restore(text, lengths.subarray(offsets[i], offsets[i + 1])));
}

/** Writes the index to `path` (via a temporary file, then rename). */
export async function saveSnapshot(index: EmbeddedSearchIndex, path: string): Promise<void> {
  const { state } = index;
  const map = liveRenumbering(state);
  const live = state.liveCount;
  const stored = state.stored.filter((s): s is StoredDoc => s !== null);
  const sections: Section[] = [{ name: 'docs', bytes: Buffer.from(JSON.stringify(stored)) }];
  const fields = {} as Header['fields'];
  for (const f of TEXT_FIELDS) {
    const enc = encodeField(state.fields[f], map, live, f);
    sections.push(...enc.sections);
    fields[f] = enc.meta;
  }
  // the clauses of live documents, renumbered densely, with their documents' new numbers
  const clauseMap = new Int32Array(state.clauseCount).fill(-1);
  const parents: number[] = [];
  for (let c = 0; c < state.clauseCount; c++) {
    const d = map[state.clauseParent[c]!]!;
    if (d < 0) continue;
    clauseMap[c] = parents.length;
    parents.push(d);
  }
  const clauseField = encodeField(state.clauses, clauseMap, parents.length, 'clause');
  sections.push(...clauseField.sections, { name: 'clause.parents', bytes: bytesOf(Int32Array.from(parents)) });
  sections.push(...encodeColumns(state, map));
  sections.push(...encodeSnippetTexts(state));
  const header: Header = {
    format: SNAPSHOT_FORMAT,
    analyzerVersion: index.analyzerVersion,
    docs: live,
    fields,
    clauses: { count: parents.length, field: clauseField.meta },
    facetNames: state.columns.names,
  };
  const tmp = `${path}.tmp-${process.pid}`;
  const fh = await open(tmp, 'w');
  try {
    for (const chunk of writeContainer(header, sections)) await fh.write(chunk);
  } finally {
    await fh.close();
  }
  await rename(tmp, path);
}

function decodeField(c: ReturnType<typeof readContainer<Header>>, name: string, meta: Header['fields'][TextField]): FieldIndex {
  const fi = new FieldIndex();
  const terms =
    meta.terms === 0
      ? []
      : Buffer.from(c.section(`${name}.terms`))
          .toString('utf8')
          .split('\n');
  const offsets = view(c.section(`${name}.offsets`), Int32Array);
  const docs = view(c.section(`${name}.docs`), Int32Array);
  const tfs = view(c.section(`${name}.tfs`), Uint16Array);
  for (let t = 0; t < terms.length; t++) {
    const [a, b] = [offsets[t]!, offsets[t + 1]!];
    fi.terms.set(terms[t]!, { docs: docs.subarray(a, b), tfs: tfs.subarray(a, b), len: b - a });
  }
  fi.norms = new Uint8Array(c.section(`${name}.norms`));
  fi.docCount = meta.docCount;
  fi.sumTotalTermFreq = meta.sumTotalTermFreq;
  return fi;
}

/** Loads a snapshot; refuses one written by another analyzer version (its terms would differ). */
export async function loadSnapshot(path: string, expectedVersion = currentAnalyzerVersion()): Promise<EmbeddedSearchIndex> {
  const c = readContainer<Header>(await readFile(path));
  const h = c.header;
  if (h.format !== SNAPSHOT_FORMAT) throw new Error(`snapshot format ${h.format} is not ${SNAPSHOT_FORMAT}`);
  if (h.analyzerVersion !== expectedVersion) throw new AnalyzerVersionMismatchError(expectedVersion, h.analyzerVersion);
  const state = new IndexState();
  state.stored = JSON.parse(Buffer.from(c.section('docs')).toString('utf8')) as StoredDoc[];
  state.snippetTexts = decodeSnippetTexts(c);
  for (const f of TEXT_FIELDS) state.fields[f] = decodeField(c, f, h.fields[f]);
  state.clauses = decodeField(c, 'clause', h.clauses.field);
  state.clauseParent = new Int32Array(Math.max(1024, h.clauses.count));
  state.clauseParent.set(view(c.section('clause.parents'), Int32Array));
  state.clauseCount = h.clauses.count;
  for (const f of FACET_FIELDS) {
    h.facetNames[f].forEach((v) => state.columns.idOf(f, v));
    const offsets = view(c.section(`facet.${f}.offsets`), Int32Array);
    const values = view(c.section(`facet.${f}.values`), Int32Array);
    for (let d = 0; d < h.docs; d++) state.columns.values[f][d] = values.subarray(offsets[d], offsets[d + 1]);
  }
  state.columns.changed();
  state.stored.forEach((st, d) => {
    state.setPublishDays(d, st!.publishDays);
    state.byId.set(st!.doc.id, d);
    state.versions.set(st!.doc.id, st!.doc.version);
    for (const key of st!.docnoKeys) state.docno.set(key, [...(state.docno.get(key) ?? []), d]);
  });
  state.liveCount = h.docs;
  return new EmbeddedSearchIndex(state, expectedVersion);
}
