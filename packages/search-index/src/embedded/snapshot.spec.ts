import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURE_DOCS, FIXTURE_NOW } from '../contract/fixtures.js';
import { runSearchIndexContract } from '../contract/search-index.contract.js';
import { AnalyzerVersionMismatchError } from '../types.js';
import { EmbeddedSearchIndex } from './embedded-index.js';
import { loadSnapshot, saveSnapshot } from './snapshot.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'govdisc-snapshot-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

async function roundTrip(index: EmbeddedSearchIndex, name: string): Promise<EmbeddedSearchIndex> {
  const path = join(dir, name);
  await saveSnapshot(index, path);
  return loadSnapshot(path, index.analyzerVersion);
}

// The whole contract again on an index that went through save → load.
runSearchIndexContract('embedded, loaded from a snapshot', async (docs) => {
  const built = new EmbeddedSearchIndex();
  await built.upsert(docs);
  return { index: await roundTrip(built, `contract-${docs.length}-${Math.random()}.snap`) };
});

describe('snapshot', () => {
  it('answers exactly like the index it was saved from, scores included', async () => {
    const built = new EmbeddedSearchIndex();
    await built.upsert(FIXTURE_DOCS);
    const loaded = await roundTrip(built, 'same.snap');
    for (const q of ['社会保险', '住房公积金提取', '医保', '浙政办发〔2018〕111号', '']) {
      expect(await loaded.search({ q, now: FIXTURE_NOW, pageSize: 30 })).toEqual(await built.search({ q, now: FIXTURE_NOW, pageSize: 30 }));
    }
  });

  it('drops deleted and replaced documents (it is also a compaction)', async () => {
    const built = new EmbeddedSearchIndex();
    await built.upsert(FIXTURE_DOCS);
    await built.delete('fx-01');
    await built.upsert([{ ...FIXTURE_DOCS[2]!, version: 2 }]);
    const loaded = await roundTrip(built, 'compact.snap');
    expect(loaded.state.size).toBe(FIXTURE_DOCS.length - 1);
    expect(await loaded.count()).toBe(FIXTURE_DOCS.length - 1);
    expect(loaded.state.fields.title_tok.docCount).toBe(FIXTURE_DOCS.length - 1);
  });

  it('refuses a snapshot made with another analyzer version', async () => {
    const built = new EmbeddedSearchIndex(undefined, 'other-analyzer');
    await built.upsert(FIXTURE_DOCS.slice(0, 2));
    const path = join(dir, 'other.snap');
    await saveSnapshot(built, path);
    await expect(loadSnapshot(path, 'current-analyzer')).rejects.toBeInstanceOf(AnalyzerVersionMismatchError);
  });

  it('refuses a file that is not a snapshot', async () => {
    const path = join(dir, 'garbage.snap');
    await writeFile(path, 'not a snapshot at all');
    await expect(loadSnapshot(path)).rejects.toThrow('not a govdisc search snapshot');
  });
});
