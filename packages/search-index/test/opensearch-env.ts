import { randomUUID } from 'node:crypto';
import { OpenSearchSearchIndex } from '../src/opensearch/opensearch-index.js';
import type { EngineFactory } from '../src/contract/search-index.contract.js';

/** The real server; a missing URL is a failure, not a skip. */
export function opensearchUrl(): string {
  const url = process.env.OPENSEARCH_URL;
  if (!url) {
    throw new Error(
      'OPENSEARCH_URL is not set: run `bash infra/scripts/opensearch.sh start` and export OPENSEARCH_URL=<the URL it prints>',
    );
  }
  return url;
}

export const testAlias = () => `govdisc-test-${randomUUID().slice(0, 8)}`;

/** Each call gets its own alias, filled through the alias-swap rebuild, dropped afterwards. */
export const openSearchFactory: EngineFactory = async (docs) => {
  const index = await OpenSearchSearchIndex.open({ node: opensearchUrl(), alias: testAlias(), refresh: true });
  try {
    await index.rebuild(docs);
  } catch (err) {
    await index.drop();
    await index.close();
    throw err;
  }
  return {
    index,
    dispose: async () => {
      await index.drop();
      await index.close();
    },
  };
};
