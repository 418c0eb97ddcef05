import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG } from '@govdisc/service-kit';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AnalysisRequest } from '../analysis/analysis-worker.js';
import { contentHash } from '../analysis/content-hash.js';
import { type Derived, DocumentAnalyzer, type TextAnalysis, analyzeText } from '../analysis/document-analyzer.js';
import type { AppConfig } from '../config/env.js';
import type { HashedRecord } from './import-planner.js';
import type { ImportRecord } from './import-record.js';

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void };
type Request = AnalysisRequest extends infer R ? (R extends unknown ? Omit<R, 'id'> : never) : never;

// The compiled worker sits next to this file's compiled form. Running from TypeScript sources (tests)
// there is none, and the same functions run on this thread.
const WORKER_FILE = new URL('../analysis/analysis-worker.js', import.meta.url);

/** One worker thread and the requests it holds. */
class AnalysisThread {
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private worker: Worker | null = null;

  constructor(private readonly onError: (error: Error) => void) {}

  call(req: Request): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.ensure().postMessage({ ...req, id });
    });
  }

  private ensure(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(WORKER_FILE);
    worker.on('message', (msg: { id: number; result?: unknown; error?: string }) => {
      const p = this.pending.get(msg.id);
      this.pending.delete(msg.id);
      if (msg.error !== undefined) p?.reject(new Error(msg.error));
      else p?.resolve(msg.result);
    });
    // A crashed worker fails what it held; the next call starts a new one.
    const fail = (error: Error) => {
      if (this.worker === worker) this.worker = null;
      for (const p of this.pending.values()) p.reject(error);
      this.pending.clear();
    };
    worker.on('error', (error) => {
      this.onError(error);
      fail(error);
    });
    worker.on('exit', (code) => fail(new Error(`import analysis worker exited with code ${code}`)));
    worker.unref();
    this.worker = worker;
    return worker;
  }

  async stop() {
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }
}

/**
 * The CPU part of an import: content hashes, segmentation, topics and MinHash run on worker threads
 * (IMPORT_ANALYSIS_THREADS), each taking a contiguous share of the batch, which leaves the event loop
 * to RPCs, database writes and the search projection. Keywords are then ranked here in record order,
 * so their document frequencies accumulate exactly as on one thread.
 */
@Injectable()
export class ImportAnalysis implements OnModuleDestroy {
  private readonly logger = new Logger(ImportAnalysis.name);
  private readonly threads: AnalysisThread[];

  constructor(
    private readonly analyzer: DocumentAnalyzer,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    const count = existsSync(fileURLToPath(WORKER_FILE)) ? config.IMPORT_ANALYSIS_THREADS : 0;
    this.threads = Array.from(
      { length: count },
      () => new AnalysisThread((err) => this.logger.error({ err }, 'import analysis worker failed')),
    );
  }

  async hashMany(bodies: string[]): Promise<string[]> {
    return this.spread(
      bodies,
      (b) => b.length,
      (part) => ({ kind: 'hash', bodies: part }),
      contentHash,
    ) as Promise<string[]>;
  }

  /** The per-text analysis (no keywords yet) of records, in parallel; safe to run ahead of the batch's turn. */
  async analyzeMany(records: HashedRecord[]): Promise<Map<ImportRecord, TextAnalysis>> {
    const inputs = records.map(({ record: r, hash }) => ({ title: r.title, body: r.body, docNumber: r.docNumber, agency: r.agency, hash }));
    const analyses = (await this.spread(
      inputs,
      (r) => 2_000 + r.body.length,
      (part) => ({ kind: 'analyze', records: part }),
      (r) => analyzeText(r, r.hash),
    )) as TextAnalysis[];
    return new Map(records.map((h, i) => [h.record, analyses[i]!]));
  }

  /** Adds keywords ranked against the documents seen so far: call in import order. */
  complete(analysis: TextAnalysis): Derived {
    return this.analyzer.complete(analysis);
  }

  /** Splits `items` into one contiguous part of about equal weight per thread and joins the results in order. */
  private async spread<T>(
    items: T[],
    weight: (item: T) => number,
    request: (part: T[]) => Request,
    local: (item: T) => unknown,
  ): Promise<unknown[]> {
    if (this.threads.length === 0 || items.length === 0) return items.map(local);
    const parts = splitByWeight(items, weight, this.threads.length);
    const results = await Promise.all(parts.map((part, i) => this.threads[i]!.call(request(part)) as Promise<unknown[]>));
    return results.flat();
  }

  async onModuleDestroy() {
    await Promise.all(this.threads.map((t) => t.stop()));
  }
}

/** At most `n` contiguous, non-empty parts of about equal total weight. */
export function splitByWeight<T>(items: T[], weight: (item: T) => number, n: number): T[][] {
  const total = items.reduce((a, x) => a + weight(x), 0);
  const parts: T[][] = [[]];
  let acc = 0;
  for (const item of items) {
    const w = weight(item);
    if (parts.length < n && parts.at(-1)!.length > 0 && acc + w / 2 > (total * parts.length) / n) parts.push([]);
    parts.at(-1)!.push(item);
    acc += w;
  }
  return parts;
}
