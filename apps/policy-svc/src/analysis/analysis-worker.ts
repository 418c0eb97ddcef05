// Worker thread of ImportAnalysis: content hashes and the per-text analysis of import records, off the
// service's event loop (which meanwhile answers RPCs, writes batches and feeds the search read model).
import { parentPort } from 'node:worker_threads';
import { contentHash } from './content-hash.js';
import { type DocumentInput, analyzeText } from './document-analyzer.js';

export type AnalysisRequest =
  { id: number; kind: 'hash'; bodies: string[] } | { id: number; kind: 'analyze'; records: Array<DocumentInput & { hash: string }> };

parentPort!.on('message', (req: AnalysisRequest) => {
  try {
    const result = req.kind === 'hash' ? req.bodies.map(contentHash) : req.records.map((r) => analyzeText(r, r.hash));
    parentPort!.postMessage({ id: req.id, result });
  } catch (error) {
    parentPort!.postMessage({ id: req.id, error: error instanceof Error ? error.message : String(error) });
  }
});
