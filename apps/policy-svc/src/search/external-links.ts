import type { ExternalSearchLink, z } from '@govdisc/contracts';
import type { ExternalLibrary } from '../config/env.js';

/** "Search there too": each configured library's URL with the query, URL-encoded, in place of `{q}`. */
export function externalLinks(libraries: readonly ExternalLibrary[], q: string): z.infer<typeof ExternalSearchLink>[] {
  const encoded = encodeURIComponent(q);
  return libraries.map((lib) => ({ name: lib.name, url: lib.urlTemplate.replaceAll('{q}', encoded) }));
}
