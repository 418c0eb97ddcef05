import { Controller, Get, Header } from '@nestjs/common';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { backgroundQueueSnapshots, type QueueSnapshot } from './background-queues.js';

/** One registry per process: default Node metrics plus the RPC and HTTP counters below. */
export const metricsRegistry = new Registry();
/**
 * The event-loop lag histogram samples every 100 ms, not prom-client's default 10 ms: each sample is a timer that wakes
 * the process, and 100 wake-ups a second cost an idle service ~6 ms of CPU per second (ADR 0042), more than anything
 * else it does when idle. A stall of ≥ 100 ms is still seen every time; shorter ones are sampled less often.
 */
const EVENT_LOOP_SAMPLE_MS = 100;
collectDefaultMetrics({ register: metricsRegistry, eventLoopMonitoringPrecision: EVENT_LOOP_SAMPLE_MS });

export const rpcHandled = new Counter({
  name: 'govdisc_rpc_handled_total',
  help: 'RPC requests handled, by subject and outcome code',
  labelNames: ['subject', 'outcome'] as const,
  registers: [metricsRegistry],
});

export const rpcDuration = new Histogram({
  name: 'govdisc_rpc_duration_seconds',
  help: 'Time spent in RPC handlers',
  labelNames: ['subject'] as const,
  buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [metricsRegistry],
});

/**
 * Records one handled RPC of `subject`: its outcome (`ok` or the error code) and its duration. Label
 * objects are made once per subject and outcome, so the hot path does no allocation for them.
 */
export function rpcRecorder(subject: string): (outcome: string, seconds: number) => void {
  const durationLabels = { subject };
  const outcomeLabels = new Map<string, { subject: string; outcome: string }>();
  return (outcome, seconds) => {
    let labels = outcomeLabels.get(outcome);
    if (!labels) outcomeLabels.set(outcome, (labels = { subject, outcome }));
    rpcHandled.inc(labels);
    rpcDuration.observe(durationLabels, seconds);
  };
}

export const rpcClientRequests = new Counter({
  name: 'govdisc_rpc_client_requests_total',
  help: 'RPC requests sent, by subject and outcome (ok, the reply error code, SERVICE_UNAVAILABLE = no responder, SERVICE_TIMEOUT)',
  labelNames: ['subject', 'outcome'] as const,
  registers: [metricsRegistry],
});

export const rpcClientDuration = new Histogram({
  name: 'govdisc_rpc_client_duration_seconds',
  help: 'Time from sending an RPC request to its reply (or failure), as the caller sees it',
  labelNames: ['subject'] as const,
  buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [metricsRegistry],
});

/** Label objects of the RPC calls, by subject and outcome: made once, reused by every call. */
type RpcCallLabels = { counter: { subject: string; outcome: string }; histogram: { subject: string } };
const rpcCallLabels = new Map<string, Map<string, RpcCallLabels>>();

/**
 * Records one RPC call as its caller saw it. On every request of the gateway: label objects are made
 * once per subject and outcome and found by two map lookups (no key string, no rest arguments).
 */
export function recordRpcCall(subject: string, outcome: string, seconds: number): void {
  let bySubject = rpcCallLabels.get(subject);
  if (!bySubject) rpcCallLabels.set(subject, (bySubject = new Map<string, RpcCallLabels>()));
  let labels = bySubject.get(outcome);
  if (!labels) bySubject.set(outcome, (labels = { counter: { subject, outcome }, histogram: { subject } }));
  rpcClientRequests.inc(labels.counter);
  rpcClientDuration.observe(labels.histogram, seconds);
}

export const httpRequests = new Counter({
  name: 'govdisc_http_requests_total',
  help: 'HTTP requests answered, by route template (`unmatched` for no route), method and status code',
  labelNames: ['route', 'method', 'status'] as const,
  registers: [metricsRegistry],
});

export const httpDuration = new Histogram({
  name: 'govdisc_http_request_duration_seconds',
  help: 'Time to answer an HTTP request, by route template and method',
  labelNames: ['route', 'method'] as const,
  buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [metricsRegistry],
});

type HttpLabels = { counter: { route: string; method: string; status: string }; histogram: { route: string; method: string } };
/** Label objects of answered HTTP requests, by route template, method and status. */
const httpLabels = new Map<string, Map<string, Map<number, HttpLabels>>>();

/**
 * Records one answered HTTP request (the route's template, never its URL: bounded labels, no personal
 * data). Label objects are made once per route, method and status and found by three map lookups.
 */
export function recordHttpRequest(route: string, method: string, status: number, seconds: number): void {
  let byRoute = httpLabels.get(route);
  if (!byRoute) httpLabels.set(route, (byRoute = new Map<string, Map<number, HttpLabels>>()));
  let byMethod = byRoute.get(method);
  if (!byMethod) byRoute.set(method, (byMethod = new Map<number, HttpLabels>()));
  let labels = byMethod.get(status);
  if (!labels) byMethod.set(status, (labels = { counter: { route, method, status: String(status) }, histogram: { route, method } }));
  httpRequests.inc(labels.counter);
  httpDuration.observe(labels.histogram, seconds);
}

export const eventsHandled = new Counter({
  name: 'govdisc_events_handled_total',
  help: 'JetStream events handled, by consumer and outcome (ack, duplicate, term, nak)',
  labelNames: ['consumer', 'outcome'] as const,
  registers: [metricsRegistry],
});

export const outboxPublished = new Counter({
  name: 'govdisc_outbox_published_total',
  help: 'Outbox rows published to JetStream',
  registers: [metricsRegistry],
});

/**
 * One scrape collects both queue gauges at once; they share one round of snapshots (the outbox's are
 * database queries, the consumers' JetStream calls) instead of taking it twice.
 */
let scrapeSnapshots: Promise<QueueSnapshot[]> | undefined;
function snapshotsForScrape(): Promise<QueueSnapshot[]> {
  return (scrapeSnapshots ??= backgroundQueueSnapshots().finally(() => (scrapeSnapshots = undefined)));
}

/** A gauge read from every background queue at scrape time. */
function backgroundQueueGauge(name: string, help: string, valueOf: (s: QueueSnapshot) => number): void {
  new Gauge({
    name,
    help,
    labelNames: ['queue', 'kind'] as const,
    registers: [metricsRegistry],
    async collect() {
      const snapshots = await snapshotsForScrape();
      this.reset();
      for (const s of snapshots) this.set({ queue: s.queue, kind: s.kind }, valueOf(s));
    },
  });
}

backgroundQueueGauge(
  'govdisc_background_queue_pending',
  'Items waiting in a background queue (write-behind buffer, outbox relay, JetStream consumer)',
  (s) => s.pending,
);
backgroundQueueGauge(
  'govdisc_background_queue_parked',
  'Poison items a background queue set aside since start, after bounded retries (inspect them at /metrics/queues)',
  (s) => s.parkedTotal,
);

new Gauge({
  name: 'govdisc_dead_letters',
  help: 'Messages a consumer set aside that wait in the DEAD_LETTERS stream (durable: survives restarts; every replica reports the same count)',
  labelNames: ['consumer'] as const,
  registers: [metricsRegistry],
  async collect() {
    const snapshots = await snapshotsForScrape();
    this.reset();
    for (const s of snapshots) if (s.deadLetters !== undefined) this.set({ consumer: s.queue }, s.deadLetters);
  },
});

@Controller()
export class MetricsController {
  @Get('metrics')
  @Header('Content-Type', metricsRegistry.contentType)
  metrics(): Promise<string> {
    return metricsRegistry.metrics();
  }

  /** Every background queue: pending count and the most recent parked items (internal listener only). */
  @Get('metrics/queues')
  queues(): Promise<QueueSnapshot[]> {
    return backgroundQueueSnapshots();
  }
}
