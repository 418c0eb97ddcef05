import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Dictionary files shipped in the package (`dict/`), resolved from src/ or dist/ alike. */
export const DICT_DIR = fileURLToPath(new URL('../dict/', import.meta.url));

export const DICT_FILES = ['policy-terms.dict', 'jiguan-daizi.dict'] as const;
export const SYNONYM_FILE = 'synonyms.txt';

export function readDictFile(name: string): Buffer {
  return readFileSync(DICT_DIR + name);
}
