import { Inject, Injectable, Logger } from '@nestjs/common';
import { type Actor, DomainError, ErrorCode, type RpcContract, errorMessages, isErrorBody, type z } from '@govdisc/contracts';
import { createInbox, errors, headers, type Msg, type MsgHdrs, type NatsConnection } from '@nats-io/transport-node';
import { SpanKind, inSpan, injectTraceContext, markFailedWith, tracingEnabled } from '@govdisc/telemetry';
import { NATS_CONNECTION } from './tokens.js';
import { currentCorrelationId } from './correlation.js';
import { decodeReply, encodeRequest, rpcAttributes } from './rpc-wire.js';
import { recordRpcCall } from './metrics.js';
import { PublishBatch } from './publish-batch.js';

export const RPC_CLIENT_OPTIONS = Symbol('RPC_CLIENT_OPTIONS');
export interface RpcClientOptions {
  timeoutMs: number;
}

export interface CallOptions {
  actor?: Actor | null;
  timeoutMs?: number;
  /** Sent as RpcMeta.idempotencyKey: the gateway's Idempotency-Key, already scoped to the caller. */
  idempotencyKey?: string;
}

interface Pending {
  resolve: (msg: Msg) => void;
  reject: (error: unknown) => void;
  timer: NodeJS.Timeout;
  subject: string;
}

/**
 * Request-reply to a service over core NATS, in the plain JSON of rpc-wire.ts (gateway → service, and
 * service → service for reads such as a citation check). Validates the request before
 * sending (400 on bad input) and the reply on receipt; no responders → 503, no answer → 504.
 *
 * The request-reply itself is done here rather than by `nc.request`: one inbox subscription
 * (`<inbox>.<n>`) routes replies to a map of pending calls, and requests are published in batches
 * (PublishBatch). nats.js's `request` builds a timer promise, a Promise.race and a RequestError
 * (with its stack) for every request, and writes each request to the socket on its own — together
 * the largest part of the gateway's CPU per no-op request (docs/rpc.md).
 */
@Injectable()
export class RpcClient {
  private readonly logger = new Logger('RpcClient');
  private readonly pending = new Map<string, Pending>();
  private inbox = '';
  private nextToken = 0;
  private batch: PublishBatch | undefined;

  constructor(
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(RPC_CLIENT_OPTIONS) private readonly options: RpcClientOptions,
  ) {}

  async call<Req extends z.ZodType, Res extends z.ZodType>(
    contract: RpcContract<Req, Res>,
    payload: unknown,
    opts: CallOptions = {},
  ): Promise<z.output<Res>> {
    const { reply, textChecked } = await this.exchange(contract, payload, opts, false);
    // The schema check stays (a reply is refused if it does not match); the text checks ran on the
    // reply's JSON text, and a service checks its output before sending it, so no object walk here.
    return contract.parseResponse(reply.response, { inputChecked: textChecked, outputChecked: textChecked });
  }

  /**
   * The reply's response as JSON bytes, exactly as the service encoded them after checking them against the contract
   * (encodeResponse): not decoded, parsed or checked again here. For a caller that passes the response on unchanged
   * (the gateway's pass-through routes, docs/adr/0031); an error reply throws as with call().
   */
  async callRaw<Req extends z.ZodType, Res extends z.ZodType>(
    contract: RpcContract<Req, Res>,
    payload: unknown,
    opts: CallOptions = {},
  ): Promise<Buffer> {
    const { reply, raw } = await this.exchange(contract, payload, opts, true);
    return raw ?? Buffer.from(JSON.stringify(reply.response) ?? 'null');
  }

  /** Sends the request and waits for its reply: a response reply's bytes as they came, or the reply decoded; an error reply throws. */
  private async exchange(contract: RpcContract<z.ZodType, z.ZodType>, payload: unknown, opts: CallOptions, raw: boolean): Promise<Decoded> {
    const message = contract.makeRequest(payload, opts.actor ?? null);
    // No id of its own when there is none: the service makes one for its logs.
    const body = encodeRequest(message.actor, message.payload, currentCorrelationId(), opts.idempotencyKey);
    const timeout = opts.timeoutMs ?? this.options.timeoutMs;
    const started = performance.now();
    let decoded: Decoded;
    try {
      decoded = await this.traced(contract.subject, body, timeout, raw);
    } catch (error) {
      recordRpcCall(contract.subject, (error as DomainError).code, (performance.now() - started) / 1000);
      throw error;
    }
    const { reply } = decoded;
    recordRpcCall(
      contract.subject,
      reply.err === undefined ? 'ok' : String((reply.err as { code?: unknown }).code),
      (performance.now() - started) / 1000,
    );
    if (reply.err !== undefined) throw this.replyError(reply.err, contract.subject);
    return decoded;
  }

  /** The request in a client span when tracing (its context in the message's headers), else as it is. */
  private traced(subject: string, body: string, timeout: number, raw: boolean): Promise<Decoded> {
    return tracingEnabled()
      ? inSpan(subject, { kind: SpanKind.CLIENT, childOnly: true, attributes: rpcAttributes(subject) }, async (span) => {
          const decoded = await this.send(subject, body, timeout, traceHeaders(), raw);
          if (decoded.reply.err) markFailedWith(span, (decoded.reply.err as { code?: string }).code ?? 'error');
          return decoded;
        })
      : this.send(subject, body, timeout, undefined, raw);
  }

  private async send(subject: string, body: string, timeout: number, hdrs: MsgHdrs | undefined, raw: boolean): Promise<Decoded> {
    let msg: Msg;
    try {
      msg = await this.request(subject, body, timeout, hdrs);
    } catch (error) {
      throw error instanceof DomainError ? error : this.transportError(error, subject); // e.g. subscribing on a closed connection
    }
    const response = raw ? responseBytesOf(msg.data) : undefined;
    return response ? { reply: { response: undefined }, textChecked: true, raw: response } : decodeReply(msg.string());
  }

  /** Publishes the request with a reply subject of our inbox and waits for its reply, no responders or the timeout. */
  private request(subject: string, body: string, timeout: number, hdrs: MsgHdrs | undefined): Promise<Msg> {
    const batch = this.batch ?? this.listen();
    const token = (this.nextToken++).toString(36);
    return new Promise<Msg>((resolve, reject) => {
      const timer = setTimeout(this.expire, timeout, token);
      this.pending.set(token, { resolve, reject, timer, subject });
      batch.publish(subject, body, this.inbox + token, hdrs, this.publishFailed);
    });
  }

  /** Subscribes the reply inbox on first use (nats.js re-subscribes it after a reconnect). */
  private listen(): PublishBatch {
    const prefix = `${createInbox()}.`;
    this.nc.subscribe(`${prefix}*`, {
      callback: (error, msg) => {
        if (error) {
          this.logger.error({ err: error }, 'RPC reply subscription failed');
          return;
        }
        const token = msg.subject.slice(prefix.length);
        // A status message without data: the server found no subscriber for the request's subject.
        if (msg.data.length === 0 && msg.headers?.code === 503) {
          const subject = this.pending.get(token)?.subject ?? '';
          this.settle(token, undefined, new DomainError(ErrorCode.SERVICE_UNAVAILABLE, undefined, { subject }));
        } else this.settle(token, msg, undefined);
      },
    });
    // Calls still waiting when the connection closes fail now rather than at their timeout.
    void this.nc.closed().then(() => {
      for (const [token, p] of this.pending)
        this.settle(token, undefined, new DomainError(ErrorCode.SERVICE_UNAVAILABLE, undefined, { subject: p.subject }));
    });
    this.inbox = prefix;
    return (this.batch = new PublishBatch(this.nc));
  }

  /** nats.js refused to publish a request (connection closed, payload too large): its call fails now. */
  private readonly publishFailed = (error: unknown, reply: string | undefined): void => {
    const token = (reply ?? '').slice(this.inbox.length);
    this.settle(token, undefined, this.transportError(error, this.pending.get(token)?.subject ?? ''));
  };

  private readonly expire = (token: string): void => {
    const subject = this.pending.get(token)?.subject ?? '';
    this.settle(token, undefined, new DomainError(ErrorCode.SERVICE_TIMEOUT, undefined, { subject }));
  };

  private settle(token: string, msg: Msg | undefined, error: DomainError | undefined): void {
    const p = this.pending.get(token);
    if (!p) return; // a reply after the timeout, or a second one
    this.pending.delete(token);
    clearTimeout(p.timer);
    if (error) p.reject(error);
    else p.resolve(msg!);
  }

  private transportError(error: unknown, subject: string): DomainError {
    if (error instanceof errors.NoRespondersError || (error as Error)?.cause instanceof errors.NoRespondersError) {
      return new DomainError(ErrorCode.SERVICE_UNAVAILABLE, undefined, { subject });
    }
    if (error instanceof errors.TimeoutError || (error as Error)?.name === 'TimeoutError') {
      return new DomainError(ErrorCode.SERVICE_TIMEOUT, undefined, { subject });
    }
    this.logger.error({ err: error, subject }, 'NATS request failed');
    return new DomainError(ErrorCode.SERVICE_UNAVAILABLE, undefined, { subject });
  }

  private replyError(err: unknown, subject: string): DomainError {
    if (isErrorBody(err)) return new DomainError(err.code, err.message, err.details);
    this.logger.error({ err, subject }, 'service replied with an unknown error shape');
    return new DomainError(ErrorCode.INTERNAL_ERROR, errorMessages.INTERNAL_ERROR.zh);
  }
}

type Decoded = ReturnType<typeof decodeReply> & { raw?: Buffer };

const RESPONSE_PREFIX = Buffer.from('{"response":');

/** The response's JSON of a reply `{"response":…}` as encodeResponseReply writes it (a copy: the message's buffer is nats.js's), else undefined. */
function responseBytesOf(data: Uint8Array): Buffer | undefined {
  const n = RESPONSE_PREFIX.length;
  if (data.length <= n + 1 || data[data.length - 1] !== 0x7d) return undefined;
  for (let i = 0; i < n; i++) if (data[i] !== RESPONSE_PREFIX[i]) return undefined;
  return Buffer.from(data.subarray(n, data.length - 1));
}

/** The active trace context as NATS headers (traceparent, tracestate); undefined outside a trace. */
function traceHeaders(): MsgHdrs | undefined {
  let h: MsgHdrs | undefined;
  injectTraceContext((key, value) => (h ??= headers()).set(key, value));
  return h;
}
