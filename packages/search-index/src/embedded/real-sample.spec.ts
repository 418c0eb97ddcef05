import { runRealSampleContract } from '../contract/real-sample.js';
import { EmbeddedSearchIndex } from './embedded-index.js';

runRealSampleContract('embedded', async (docs) => {
  const index = new EmbeddedSearchIndex();
  await index.upsert(docs);
  return { index };
});
