import { Injectable } from '@nestjs/common';
import { citizenTopicClassifier, parseDocNumber } from '@govdisc/text-analysis';
import { splitAgencies } from './agencies.js';
import { contentHash } from './content-hash.js';
import { KeywordExtractor, termFrequencies } from './keywords.js';
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
  /** citizen topic services (qa_topic codes), by the classifier shared with Q&A and guides */
  topicCodes: string[];
}

export type Derived = DerivedFields & { signature: Uint32Array };

/** Everything derived from one text that does not depend on other documents: safe on any thread. */
export type TextAnalysis = Omit<Derived, 'keywords'> & { termFrequencies: Array<[string, number]> };

/** The citizen topic services of a document: its title and the start of its body (where the subject is named). */
export function citizenTopicCodes(input: Pick<DocumentInput, 'title' | 'body'>): string[] {
  return citizenTopicClassifier().classify({ title: input.title, body: input.body.slice(0, 3_000) });
}

/** `hash` when the caller already computed contentHash(body) (an import needs it before deciding to analyse). */
export function analyzeText(input: DocumentInput, hash?: string): TextAnalysis {
  const signature = minhash(input.body);
  const { topics, confidence } = classifyTopics(input.title, input.body);
  return {
    docNumberKey: input.docNumber ? (parseDocNumber(input.docNumber)?.key ?? null) : null,
    agencies: splitAgencies(input.agency),
    contentHash: hash ?? contentHash(input.body),
    minhash: encodeSignature(signature),
    termFrequencies: termFrequencies(input.title, input.body),
    topics,
    topicConfidence: confidence,
    topicCodes: citizenTopicCodes(input),
    signature,
  };
}

/** Everything computed from a document's text when it is saved (CPU only, outside transactions). */
@Injectable()
export class DocumentAnalyzer {
  private readonly keywords = new KeywordExtractor();

  derive(input: DocumentInput, hash?: string): Derived {
    return this.complete(analyzeText(input, hash));
  }

  /** Keywords and topics as computed from the text, without counting the document again. */
  classification(input: DocumentInput): Pick<DerivedFields, 'keywords' | 'topics' | 'topicConfidence' | 'topicCodes'> {
    const { topics, confidence } = classifyTopics(input.title, input.body);
    return {
      keywords: this.keywords.rank(termFrequencies(input.title, input.body), 8, { count: false }),
      topics,
      topicConfidence: confidence,
      topicCodes: citizenTopicCodes(input),
    };
  }

  /** Adds the keywords, ranked against the documents seen so far: call in document order. */
  complete(analysis: TextAnalysis): Derived {
    const { termFrequencies: tf, ...rest } = analysis;
    return { ...rest, keywords: this.keywords.rank(tf) };
  }
}
