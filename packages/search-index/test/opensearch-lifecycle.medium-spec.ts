import { Client } from '@opensearch-project/opensearch';
import { FIXTURE_DOCS } from '../src/contract/fixtures.js';
import { policyIndexMappings, policyIndexSettings } from '../src/opensearch/mapping.js';
import { openSearchEngine } from '../src/open-engine.js';
import { OpenSearchSearchIndex } from '../src/opensearch/opensearch-index.js';
import { AnalyzerVersionMismatchError } from '../src/types.js';
import { opensearchUrl, testAlias } from './opensearch-env.js';

const node = opensearchUrl();
const client = new Client({ node });
afterAll(async () => client.close());

describe('OpenSearch index lifecycle', () => {
  it('rebuilds into a new index and moves the alias, dropping the old index', async () => {
    const alias = testAlias();
    const index = await OpenSearchSearchIndex.open({ node, alias, refresh: true });
    try {
      const first = await index.currentIndex();
      await index.upsert(FIXTURE_DOCS.slice(0, 3));
      const { index: next, count } = await index.rebuild(FIXTURE_DOCS);
      expect(count).toBe(FIXTURE_DOCS.length);
      expect(await index.currentIndex()).toBe(next);
      expect(next).not.toBe(first);
      expect(next).toContain(index.analyzerVersion);
      expect((await client.indices.exists({ index: first! })).body).toBe(false);
      expect(await index.count()).toBe(FIXTURE_DOCS.length);
    } finally {
      await index.drop();
      await index.close();
    }
  });

  it('keeps serving the old index when a rebuild fails, and leaves no half-built index behind', async () => {
    const alias = testAlias();
    const index = await OpenSearchSearchIndex.open({ node, alias, refresh: true, bulkSize: 5 });
    try {
      await index.rebuild(FIXTURE_DOCS.slice(0, 4));
      const before = await index.currentIndex();
      async function* failing() {
        yield* FIXTURE_DOCS.slice(0, 12);
        throw new Error('source database went away');
      }
      await expect(index.rebuild(failing())).rejects.toThrow('source database went away');
      expect(await index.currentIndex()).toBe(before);
      expect(await index.count()).toBe(4);
      const names = Object.keys((await client.indices.get({ index: `${alias}-*` })).body);
      expect(names).toEqual([before]);
    } finally {
      await index.drop();
      await index.close();
    }
  });

  it('refuses an index built by another analyzer version', async () => {
    const alias = testAlias();
    const name = `${alias}-old`;
    await client.indices.create({ index: name, body: { settings: policyIndexSettings(), mappings: policyIndexMappings('old-analyzer') } });
    await client.indices.putAlias({ index: name, name: alias });
    try {
      await expect(OpenSearchSearchIndex.open({ node, alias })).rejects.toBeInstanceOf(AnalyzerVersionMismatchError);
    } finally {
      await client.indices.delete({ index: name });
    }
  });

  it('with replaceForeign, swaps a foreign-analyzer index for an empty one and says so', async () => {
    const alias = testAlias();
    const name = `${alias}-old`;
    await client.indices.create({ index: name, body: { settings: policyIndexSettings(), mappings: policyIndexMappings('old-analyzer') } });
    await client.indices.putAlias({ index: name, name: alias });
    const index = await OpenSearchSearchIndex.open({ node, alias, replaceForeign: true });
    try {
      expect(index.replacedForeignIndex).toBe(true);
      expect(await index.currentIndex()).not.toBe(name);
      expect(await index.count()).toBe(0);
      expect((await client.indices.exists({ index: name })).body).toBe(false);
      const reopened = await OpenSearchSearchIndex.open({ node, alias, replaceForeign: true });
      expect(reopened.replacedForeignIndex).toBe(false);
      await reopened.close();
    } finally {
      await index.drop();
      await index.close();
    }
  });

  it("openSearchEngine: OpenSearch behind the service's alias when a URL is set; a foreign-analyzer index is replaced and flagged for refill", async () => {
    const alias = testAlias();
    const name = `${alias}-old`;
    await client.indices.create({ index: name, body: { settings: policyIndexSettings(), mappings: policyIndexMappings('old-analyzer') } });
    await client.indices.putAlias({ index: name, name: alias });
    const embedded = () => {
      throw new Error('the embedded engine must not be made when OpenSearch is configured');
    };
    const first = await openSearchEngine({ opensearchUrl: node, alias, embedded });
    try {
      expect([first.kind, first.needsRebuild, first.empty]).toEqual(['opensearch', true, true]);
      await first.index.upsert(FIXTURE_DOCS.slice(0, 2));
      const again = await openSearchEngine({ opensearchUrl: node, alias, embedded });
      expect([again.kind, again.needsRebuild, again.empty, await again.index.count()]).toEqual(['opensearch', false, false, 2]);
      await again.index.close();
      const fresh = await openSearchEngine({ opensearchUrl: node, alias: testAlias(), embedded });
      expect([fresh.needsRebuild, fresh.empty]).toEqual([false, true]); // a new alias: fill it from the source of truth
      await fresh.index.drop();
      await fresh.index.close();
    } finally {
      await first.index.drop();
      await first.index.close();
    }
  });

  it('keeps one primary shard and BM25 k1 1.2 b 0.75', async () => {
    const alias = testAlias();
    const index = await OpenSearchSearchIndex.open({ node, alias });
    try {
      const name = (await index.currentIndex())!;
      const body = (await client.indices.getSettings({ index: name })).body as Record<string, { settings: { index: Record<string, any> } }>;
      const settings = body[name]!.settings.index;
      expect(settings.number_of_shards).toBe('1');
      expect(settings.similarity.default).toEqual({ type: 'BM25', k1: '1.2', b: '0.75' });
    } finally {
      await index.drop();
      await index.close();
    }
  });
});
