import { Injectable } from '@nestjs/common';
import { parseDocNumber } from '@govdisc/text-analysis';
import { splitAgencies } from '../document/agencies.js';
import { contentHash } from './content-hash.js';
import { KeywordExtractor } from './keywords.js';
import { encodeSignature, minhash } from './minhash.js';
import { classifyTopics } from './topics.js';

export interface DocumentInput {
  title: string;
  body: string;
  docNumber?: string | null;
  agency?: string | null;
}

export interface DerivedFields {
  docNumberKey: string | null;
  agencies: string[];
  contentHash: string;
  minhash: string;
  keywords: string[];
  topics: string[];
  topicConfidence: number | null;
}

/** Everything computed from a document's text when it is saved (CPU only, outside transactions). */
@Injectable()
export class DocumentAnalyzer {
  private readonly keywords = new KeywordExtractor();

  derive(input: DocumentInput): DerivedFields & { signature: Uint32Array } {
    const signature = minhash(input.body);
    const { topics, confidence } = classifyTopics(input.title, input.body);
    return {
      docNumberKey: input.docNumber ? (parseDocNumber(input.docNumber)?.key ?? null) : null,
      agencies: splitAgencies(input.agency),
      contentHash: contentHash(input.body),
      minhash: encodeSignature(signature),
      keywords: this.keywords.extract(input.title, input.body),
      topics,
      topicConfidence: confidence,
      signature,
    };
  }
}
