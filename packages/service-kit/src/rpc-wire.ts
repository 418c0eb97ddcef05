import { type Actor, type ErrorBody, jsonTextMayHoldBadText } from '@govdisc/contracts';
import { CORRELATION_HEADER, sanitizeCorrelationId } from './correlation.js';

/**
 * The RPC wire format on core NATS (docs/rpc.md): plain JSON, one message each way, so a department
 * system or `nats req` can call a service without any Nest framing.
 *   request  subject `rpc.<context>.<entity>.<action>`, body
 *            `{"actor": Actor|null, "payload": …, "correlationId"?: "…", "idempotencyKey"?: "…"}`
 *            (the correlation id may come as an `x-request-id` header instead; the idempotency key is the gateway's
 *            Idempotency-Key scoped to its caller, so a service can answer a retry with what it already stored)
 *   reply    `{"response": …}` or `{"err": {"code", "message", "details"?}}`
 */
export interface RpcRequestBody {
  actor: Actor | null;
  payload: unknown;
  correlationId?: string;
  idempotencyKey?: string;
}

export type RpcReply = { response: unknown; err?: undefined } | { err: ErrorBody; response?: undefined };

/** Marker for a request whose body was not JSON; the RPC handler answers it with MALFORMED_MESSAGE. */
export const UNPARSEABLE = Object.freeze({ __unparseable: true });

export function encodeRequest(actor: Actor | null, payload: unknown, correlationId: string | undefined, idempotencyKey?: string): string {
  return JSON.stringify({ actor, payload, correlationId, idempotencyKey });
}

const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{8,200}$/;

/** The caller's idempotency key in a request body, if it sent a usable one (the same spelling the gateway accepts). */
export function idempotencyKeyOf(data: unknown): string | undefined {
  const key = data !== null && typeof data === 'object' ? (data as { idempotencyKey?: unknown }).idempotencyKey : undefined;
  return typeof key === 'string' && IDEMPOTENCY_KEY.test(key) ? key : undefined;
}

interface IncomingMsg {
  data: Uint8Array;
  headers?: { get(name: string): string } | undefined;
}

export interface DecodedRequest {
  /** The parsed body, or UNPARSEABLE. */
  data: unknown;
  correlationId: string | undefined;
  /** The caller's idempotency key (RpcMeta.idempotencyKey), if any. */
  idempotencyKey?: string | undefined;
  /** The body's text holds no escape that could make ill-formed text or U+0000 (see jsonTextMayHoldBadText). */
  textChecked: boolean;
}

const decoder = new TextDecoder();

/** The request body (UNPARSEABLE if it is not JSON) and the caller's correlation id, if it sent a usable one. */
export function decodeRequest(msg: IncomingMsg): DecodedRequest {
  const text = decoder.decode(msg.data);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { data: UNPARSEABLE, correlationId: sanitizeCorrelationId(msg.headers?.get(CORRELATION_HEADER)), textChecked: false };
  }
  const fromBody = data !== null && typeof data === 'object' ? (data as { correlationId?: unknown }).correlationId : undefined;
  return {
    data,
    correlationId: sanitizeCorrelationId(fromBody ?? msg.headers?.get(CORRELATION_HEADER)),
    idempotencyKey: idempotencyKeyOf(data),
    textChecked: !jsonTextMayHoldBadText(text),
  };
}

/** A reply around a response already encoded by the contract (encodeResponse), without parsing it again. */
export function encodeResponseReply(responseJson: string): string {
  return `{"response":${responseJson}}`;
}

export function encodeErrorReply(err: ErrorBody): string {
  return JSON.stringify({ err });
}

/** Splits a reply's text; `textChecked` as for requests. */
export function decodeReply(text: string): { reply: RpcReply; textChecked: boolean } {
  return { reply: JSON.parse(text) as RpcReply, textChecked: !jsonTextMayHoldBadText(text) };
}

/** OpenTelemetry's messaging attributes of one request-reply over core NATS. */
export function rpcAttributes(subject: string) {
  return { 'messaging.system': 'nats', 'messaging.destination.name': subject, 'rpc.system': 'nats', 'rpc.method': subject };
}
