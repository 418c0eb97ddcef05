import { readDictFile } from './dictionary.js';
import { normalize } from './normalize.js';
import { TOPIC_CALIBRATION, type TopicCalibration } from './topic-calibration.js';

export const CITIZEN_TOPIC_FILE = 'citizen-topics.txt';

/** One citizen topic service with the cue words that point at it. */
export interface TopicLexiconEntry {
  code: string;
  name: string;
  description: string;
  cues: ReadonlyArray<{ term: string; weight: number }>;
}

export interface TopicInput {
  title: string;
  /** answer, guide summary, policy body: weaker evidence than the title */
  body?: string;
}

export interface TopicScore {
  code: string;
  score: number;
}

const PHRASE_SPLIT = /[、，,与和及的]/u;

/** Parses dict/citizen-topics.txt: `code | name | description` blocks, `cues:` lines, one `generic:` line. */
export function parseTopicLexicon(text: string): TopicLexiconEntry[] {
  const generic = new Set<string>();
  const blocks: Array<{ code: string; name: string; description: string; listed: Map<string, number> }> = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    if (line.startsWith('generic:'))
      line
        .slice(8)
        .trim()
        .split(/\s+/u)
        .forEach((w) => generic.add(normalize(w)));
    else if (line.startsWith('cues:')) {
      const block = blocks.at(-1);
      if (!block) throw new Error(`citizen topics: cues before any topic: ${line}`);
      for (const cue of line.slice(5).trim().split(/\s+/u)) {
        const [term, weight] = cue.split(':');
        block.listed.set(normalize(term!), weight ? Number(weight) : 1);
      }
    } else {
      const [code, name, description] = line.split('|').map((s) => s.trim());
      if (!code || !name || description === undefined) throw new Error(`citizen topics: bad topic line: ${line}`);
      blocks.push({ code, name, description, listed: new Map() });
    }
  }
  // A description phrase is a cue only where it names nothing else: another topic's name or listed cue stays theirs.
  const elsewhere = (code: string, term: string) =>
    blocks.some((b) => b.code !== code && (normalize(b.name) === term || b.listed.has(term)));
  return blocks.map((b) => {
    const cues = new Map(b.listed);
    const phrases = [b.name, ...b.description.split(PHRASE_SPLIT)].map((p) => normalize(p.trim())).filter((p) => p.length >= 2);
    for (const p of phrases) if (!cues.has(p) && !generic.has(p) && !elsewhere(b.code, p)) cues.set(p, 1);
    return { code: b.code, name: b.name, description: b.description, cues: [...cues].map(([term, weight]) => ({ term, weight })) };
  });
}

interface Hit {
  start: number;
  end: number;
  code: string;
  weight: number;
  term: string;
}

/**
 * Cue-word topic classifier shared by policies, Q&A pairs and service guides: every cue occurrence not inside a
 * longer cue's occurrence adds its weight (title hits × titleWeight), and topics scoring at least minScore and
 * `relative` of the best are kept, best first.
 */
export class TopicClassifier {
  private readonly cues: Array<{ term: string; code: string; weight: number }>;

  constructor(
    readonly lexicon: readonly TopicLexiconEntry[],
    readonly calibration: TopicCalibration = TOPIC_CALIBRATION,
  ) {
    this.cues = lexicon.flatMap((t) => t.cues.map((c) => ({ ...c, code: t.code })));
    this.cues.sort((a, b) => b.term.length - a.term.length);
  }

  get codes(): string[] {
    return this.lexicon.map((t) => t.code);
  }

  /** Every topic with a positive score, best first. */
  scores(input: TopicInput): TopicScore[] {
    const total = new Map<string, number>();
    const add = (hits: Hit[], factor: number, cap: number) => {
      const perTerm = new Map<string, number>();
      for (const h of hits) {
        const n = (perTerm.get(h.term) ?? 0) + 1;
        perTerm.set(h.term, n);
        if (n <= cap) total.set(h.code, (total.get(h.code) ?? 0) + h.weight * factor);
      }
    };
    add(this.hits(normalize(input.title)), this.calibration.titleWeight, Infinity);
    if (input.body) add(this.hits(normalize(input.body.slice(0, 20_000))), 1, this.calibration.bodyCap);
    return [...total]
      .map(([code, score]) => ({ code, score: Math.round(score * 100) / 100 }))
      .sort((a, b) => b.score - a.score || this.codes.indexOf(a.code) - this.codes.indexOf(b.code));
  }

  /** The topic codes for a text (possibly none). */
  classify(input: TopicInput): string[] {
    return this.decide(this.scores(input), this.calibration);
  }

  /** The decision rule alone, so a calibration can be tried on precomputed scores. */
  decide(scores: readonly TopicScore[], c: Pick<TopicCalibration, 'minScore' | 'relative' | 'maxTopics'>): string[] {
    const best = scores[0]?.score ?? 0;
    return scores
      .filter((s) => s.score >= c.minScore && s.score >= c.relative * best)
      .slice(0, c.maxTopics)
      .map((s) => s.code);
  }

  /** Cue occurrences, longest cues first; a shorter cue inside an accepted occurrence does not count. */
  private hits(text: string): Hit[] {
    if (!text) return [];
    const taken = new Uint8Array(text.length);
    const hits: Hit[] = [];
    for (const cue of this.cues) {
      for (let i = text.indexOf(cue.term); i !== -1; i = text.indexOf(cue.term, i + cue.term.length)) {
        const end = i + cue.term.length;
        if (taken.subarray(i, end).some((x) => x)) continue;
        taken.fill(1, i, end);
        hits.push({ start: i, end, code: cue.code, weight: cue.weight, term: cue.term });
      }
    }
    return hits;
  }
}

let shared: TopicClassifier | undefined;

/** The classifier over the shipped lexicon (dict/citizen-topics.txt) and calibration, built once. */
export function citizenTopicClassifier(): TopicClassifier {
  shared ??= new TopicClassifier(parseTopicLexicon(readDictFile(CITIZEN_TOPIC_FILE).toString('utf8')));
  return shared;
}
