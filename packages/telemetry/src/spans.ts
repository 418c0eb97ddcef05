import {
  type Attributes,
  type Context,
  ROOT_CONTEXT,
  type Span,
  SpanKind,
  SpanStatusCode,
  context,
  propagation,
  trace,
} from '@opentelemetry/api';
import { activeTracer } from './tracing.js';

export { SpanKind };
export type { Span };

export interface SpanOptions {
  kind?: SpanKind;
  attributes?: Attributes;
  /** The span's parent: a context extracted from a message's headers; default the active one. */
  parent?: Context | undefined;
  /** Record the span only inside a trace (a client call, a query): background work starts no trace of its own. */
  childOnly?: boolean;
}

/**
 * Runs `fn` inside a new active span and ends it when `fn` settles; a thrown error marks the span failed and is
 * rethrown. With tracing off (or `childOnly` outside a trace) it is a plain call of `fn(undefined)`.
 */
export async function inSpan<T>(name: string, opts: SpanOptions, fn: (span: Span | undefined) => Promise<T>): Promise<T> {
  const tracer = activeTracer();
  if (!tracer) return fn(undefined);
  const parent = opts.parent ?? context.active();
  if (opts.childOnly && !trace.getSpanContext(parent)) return fn(undefined);
  const span = tracer.startSpan(name, { kind: opts.kind ?? SpanKind.INTERNAL, attributes: opts.attributes }, parent);
  try {
    return await context.with(trace.setSpan(parent, span), () => fn(span));
  } catch (error) {
    markFailed(span, error);
    throw error;
  } finally {
    span.end();
  }
}

/** Marks a span failed with the error's name and message (never its data). */
export function markFailed(span: Span | undefined, error: unknown): void {
  if (!span) return;
  const err = error instanceof Error ? error : new Error(String(error));
  span.recordException({ name: err.name, message: err.message });
  span.setStatus({ code: SpanStatusCode.ERROR, message: err.message });
}

/** Marks a span failed with a stable error code (an RPC's `{ err: { code } }`, an HTTP 5xx). */
export function markFailedWith(span: Span | undefined, code: string): void {
  span?.setStatus({ code: SpanStatusCode.ERROR, message: code });
}

const W3C_KEYS = ['traceparent', 'tracestate'];

/** Writes the active trace context (`traceparent`, `tracestate`) with `set`; nothing when tracing is off or no span is active. */
export function injectTraceContext(set: (key: string, value: string) => void): void {
  if (!activeTracer() || !trace.getSpanContext(context.active())) return;
  propagation.inject(context.active(), undefined, { set: (_carrier, key, value) => set(key, value) });
}

/**
 * The trace context a message or request carries, read with `get` (NATS headers answer '' for a missing key);
 * undefined when tracing is off or it carries none.
 */
export function extractTraceContext(get: (key: string) => string | string[] | undefined): Context | undefined {
  if (!activeTracer()) return undefined;
  const value = (key: string) => {
    const v = get(key);
    return Array.isArray(v) ? v[0] : v || undefined;
  };
  if (!value('traceparent')) return undefined;
  const extracted = propagation.extract(ROOT_CONTEXT, undefined, { get: (_carrier, key) => value(key), keys: () => W3C_KEYS });
  return trace.getSpanContext(extracted) ? extracted : undefined;
}

/** The active span's `traceparent`, to store beside work done later (an outbox row); undefined outside a trace. */
export function currentTraceparent(): string | undefined {
  let traceparent: string | undefined;
  injectTraceContext((key, value) => {
    if (key === 'traceparent') traceparent = value;
  });
  return traceparent;
}

/** The active trace's id, for log lines; undefined outside a trace. */
export function currentTraceId(): string | undefined {
  if (!activeTracer()) return undefined;
  return trace.getSpanContext(context.active())?.traceId;
}
