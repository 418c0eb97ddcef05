import { EmbeddedSearchIndex } from './embedded/embedded-index.js';
import { engineKind, openSearchEngine } from './open-engine.js';

test('without an OpenSearch URL (unset or empty) the embedded engine the caller makes is opened', async () => {
  expect([engineKind(undefined), engineKind(''), engineKind('http://127.0.0.1:9200')]).toEqual(['embedded', 'embedded', 'opensearch']);
  const made = new EmbeddedSearchIndex();
  for (const opensearchUrl of [undefined, null, '']) {
    expect(await openSearchEngine({ opensearchUrl, alias: 'unused', embedded: () => made })).toEqual({
      kind: 'embedded',
      index: made,
      needsRebuild: false,
      empty: false,
    });
  }
});
