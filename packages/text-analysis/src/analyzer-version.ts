import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dict as defaultDict } from '@node-rs/jieba/dict.js';
import { DICT_FILES, readDictFile, SYNONYM_FILE } from './dictionary.js';
import { SEGMENTER_SETTINGS } from './segmenter.js';
import { QUERY_FILLERS, STOPWORDS } from './stopwords.js';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  version: string;
  dependencies: Record<string, string>;
};

/** This package's own code (src/*.ts under tests, dist/*.js in production): a code change is a new analyzer. */
function codeFiles(): Buffer[] {
  const dir = fileURLToPath(new URL('.', import.meta.url));
  return readdirSync(dir)
    .filter((f) => /\.(js|ts)$/u.test(f) && !/\.(spec|d)\.ts$/u.test(f))
    .sort()
    .map((f) => readFileSync(dir + f));
}

/** Everything that changes which terms come out of the analyzer. */
function versionInputs(): (string | Uint8Array)[] {
  return [
    pkg.version,
    JSON.stringify(pkg.dependencies),
    defaultDict,
    ...DICT_FILES.map((f) => readDictFile(f)),
    readDictFile(SYNONYM_FILE),
    JSON.stringify(SEGMENTER_SETTINGS),
    [...STOPWORDS].join(','),
    [...QUERY_FILLERS].join(','),
    ...codeFiles(),
  ];
}

let cached: string | undefined;

/**
 * Hash of package version, dependency versions, dictionaries, settings and the package's code. Written into every index; an index made
 * with another version must be rebuilt, never queried (its terms differ from the query's).
 */
export function analyzerVersion(): string {
  if (!cached) {
    const h = createHash('sha256');
    for (const part of versionInputs()) h.update(part).update('\u0000');
    cached = h.digest('hex').slice(0, 16);
  }
  return cached;
}
