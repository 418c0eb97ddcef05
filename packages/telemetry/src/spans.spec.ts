import { InMemorySpanExporter } from '@opentelemetry/sdk-trace';
import { currentTraceId, currentTraceparent, extractTraceContext, inSpan, injectTraceContext, SpanKind } from './spans.js';
import { flushTracing, startTracing, stopTracing, tracingEnabled } from './tracing.js';

describe('with tracing off', () => {
  it('runs the work without a span and carries no context', async () => {
    expect(tracingEnabled()).toBe(false);
    expect(await inSpan('x', {}, async (span) => span)).toBeUndefined();
    const headers: Record<string, string> = {};
    injectTraceContext((k, v) => (headers[k] = v));
    expect(headers).toEqual({});
    expect(extractTraceContext(() => '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01')).toBeUndefined();
  });
});

describe('with tracing on', () => {
  const exporter = new InMemorySpanExporter();
  beforeAll(() => startTracing({ serviceName: 'test', exporter, scheduleDelayMs: 10 }));
  afterAll(() => stopTracing());
  beforeEach(() => exporter.reset());

  it('passes the context through headers: the receiving span is a child of the sending one, in one trace', async () => {
    const headers: Record<string, string> = {};
    let sentTrace: string | undefined;
    await inSpan('send', { kind: SpanKind.CLIENT }, async () => {
      injectTraceContext((k, v) => (headers[k] = v));
      sentTrace = currentTraceId();
    });
    await inSpan('receive', { kind: SpanKind.SERVER, parent: extractTraceContext((k) => headers[k] ?? '') }, async () => {
      await inSpan('query', { childOnly: true }, async () => undefined);
    });
    await flushTracing();
    const [send, query, receive] = ['send', 'query', 'receive'].map((n) => exporter.getFinishedSpans().find((s) => s.name === n)!);
    expect(headers.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    expect(new Set([send, query, receive].map((s) => s!.spanContext().traceId))).toEqual(new Set([sentTrace]));
    expect(receive!.parentSpanContext?.spanId).toBe(send!.spanContext().spanId);
    expect(query!.parentSpanContext?.spanId).toBe(receive!.spanContext().spanId);
  });

  it('starts no trace for childOnly work outside one, and records a failure before rethrowing it', async () => {
    expect(await inSpan('background query', { childOnly: true }, async (span) => span)).toBeUndefined();
    expect(currentTraceparent()).toBeUndefined();
    await expect(inSpan('fails', {}, () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await flushTracing();
    expect(exporter.getFinishedSpans().map((s) => [s.name, s.status.code, s.status.message])).toEqual([['fails', 2, 'boom']]);
  });
});
