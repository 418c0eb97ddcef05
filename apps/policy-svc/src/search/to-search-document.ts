import type { SearchDocument, Validity } from '@govdisc/search-index';
import type { PolicyDocument } from '../generated/prisma/client.js';
import { agenciesOf } from '../analysis/agencies.js';

/** DB row → what the read model stores; the row's version orders updates of the same document. */
export function toSearchDocument(doc: PolicyDocument): SearchDocument {
  return {
    id: doc.id,
    externalId: doc.externalId,
    title: doc.title,
    docNumber: doc.docNumber,
    agencies: agenciesOf(doc),
    docType: doc.docType,
    level: doc.level,
    region: doc.region,
    topics: doc.topics,
    validity: doc.validity as Validity,
    publishDate: doc.publishDate,
    body: doc.body,
    version: doc.version,
  };
}
