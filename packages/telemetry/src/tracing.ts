import { context, propagation, trace, type Tracer } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import type * as OtlpHttp from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BatchSpanProcessor,
  ParentBasedSampler,
  type SpanExporter,
  TraceIdRatioBasedSampler,
  TracerProvider,
} from '@opentelemetry/sdk-trace';
import { createRequire } from 'node:module';

// The OTLP exporter (with the metrics and logs SDKs and transformers it pulls in: ~150 modules) loads only when an
// endpoint is configured: most processes (every app of an e2e stack, a one-machine install) export no spans. It is a
// CommonJS package, so require() loads the very module an import would, synchronously.
const require = createRequire(import.meta.url);

export interface TracingOptions {
  /** `service.name` of every span of this process (the app's name). */
  serviceName: string;
  /** OTLP/HTTP base URL, e.g. `http://otel-collector:4318`; spans go to `<endpoint>/v1/traces`. Unset: tracing stays off. */
  endpoint?: string | undefined;
  /** Share of new traces recorded (a caller's sampling decision is kept); default 1. */
  sampleRatio?: number;
  /** How long finished spans wait to be sent in one batch; default 5000 ms. */
  scheduleDelayMs?: number;
  /** Where spans go instead of OTLP (tests). */
  exporter?: SpanExporter;
}

let provider: TracerProvider | undefined;
let tracer: Tracer | undefined;

/**
 * Turns tracing on for this process when an endpoint (or exporter) is given: W3C trace context, spans kept in
 * AsyncLocalStorage, batched OTLP/HTTP (JSON) export. Without one nothing is registered and every helper of this
 * package returns at its first line, so an app that does not export traces pays nothing for them.
 * Returns whether tracing is on. Call it once, before the app builds its clients.
 */
export function startTracing(opts: TracingOptions): boolean {
  if (tracer) return true;
  if (!opts.endpoint && !opts.exporter) return false;
  const exporter =
    opts.exporter ??
    new (require('@opentelemetry/exporter-trace-otlp-http') as typeof OtlpHttp).OTLPTraceExporter({
      url: `${opts.endpoint!.replace(/\/+$/, '')}/v1/traces`,
    });
  provider = new TracerProvider({
    resource: resourceFromAttributes({ 'service.name': opts.serviceName }),
    sampler: new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(opts.sampleRatio ?? 1) }),
    spanProcessors: [new BatchSpanProcessor({ exporter, scheduledDelayMillis: opts.scheduleDelayMs ?? 5_000 })],
  });
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(provider);
  tracer = provider.getTracer('@govdisc/telemetry');
  return true;
}

/** Sends the spans still buffered and turns tracing off (graceful shutdown, tests). */
export async function stopTracing(): Promise<void> {
  const p = provider;
  provider = undefined;
  tracer = undefined;
  if (!p) return;
  await p.shutdown().catch(() => undefined); // an unreachable collector must not hold up a shutdown
  trace.disable();
  propagation.disable();
  context.disable();
}

/** Sends the spans buffered so far. */
export async function flushTracing(): Promise<void> {
  await provider?.forceFlush();
}

/** The tracer while tracing is on. */
export function activeTracer(): Tracer | undefined {
  return tracer;
}

export function tracingEnabled(): boolean {
  return tracer !== undefined;
}
