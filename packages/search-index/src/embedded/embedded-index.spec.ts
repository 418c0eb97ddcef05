import { runSearchIndexContract } from '../contract/search-index.contract.js';
import { runPassageContract } from '../contract/passages.contract.js';
import { EmbeddedSearchIndex } from './embedded-index.js';

runSearchIndexContract('embedded', async (docs) => {
  const index = new EmbeddedSearchIndex();
  await index.upsert(docs);
  return { index };
});

runPassageContract('embedded', async (docs) => {
  const index = new EmbeddedSearchIndex();
  await index.upsert(docs);
  return { index };
});
