import { z } from 'zod';
import { Actor } from './common.js';
import { Envelope, type MessageContext, newEnvelope } from './envelope.js';
import { DomainError, ErrorCode } from './errors.js';
import type { Access } from './roles.js';
import { type TextCheckOptions, jsonTextMayHoldBadText, parseOrThrow, throwOnBadText } from './validation.js';

type Versions = Record<number, z.ZodType>;
type LatestOf<V extends Versions> = V[keyof V];

/** A domain event: subject + one schema per version; `make` validates before sending, `parse` on receipt. */
export interface EventContract<V extends Versions> {
  readonly type: string;
  readonly latestVersion: number;
  readonly versions: V;
  make(payload: z.input<LatestOf<V>>, ctx: MessageContext): Envelope<z.output<LatestOf<V>>>;
  parse(raw: unknown): Envelope<z.output<V[keyof V]>>;
}

export function defineEvent<V extends Versions>(type: string, versions: V): EventContract<V> {
  const latestVersion = Math.max(...Object.keys(versions).map(Number));
  return {
    type,
    latestVersion,
    versions,
    make(payload, ctx) {
      const valid = parseOrThrow(versions[latestVersion]!, payload) as z.output<LatestOf<V>>;
      return newEnvelope(type, latestVersion, valid, ctx);
    },
    parse(raw) {
      const envelope = parseOrThrow(Envelope, raw, ErrorCode.MALFORMED_MESSAGE);
      if (envelope.type !== type) {
        throw new DomainError(ErrorCode.MALFORMED_MESSAGE, `expected event type ${type}, got ${envelope.type}`);
      }
      const schema = versions[envelope.version];
      if (!schema) {
        throw new DomainError(ErrorCode.MALFORMED_MESSAGE, `unknown version ${envelope.version} of ${type}`);
      }
      const payload = parseOrThrow(schema, envelope.payload, ErrorCode.MALFORMED_MESSAGE) as z.output<V[keyof V]>;
      return { ...envelope, payload };
    },
  };
}

/** What travels in an RPC request: the acting user plus the validated payload. */
export interface RpcMessage<P> {
  actor: Actor | null;
  payload: P;
}

/**
 * A request-reply pair on core NATS. Subjects live under `rpc.` so no JetStream stream captures them.
 * `access` says who may call it: the service's @RpcHandler enforces exactly this value (defence in
 * depth behind the gateway), and a gateway test checks every route's matrix row against the
 * `access` of each RPC the route calls, so the two sides cannot drift apart. Required, so a new
 * RPC cannot be open by omission.
 */
export interface RpcContract<Req extends z.ZodType, Res extends z.ZodType> {
  readonly subject: string;
  readonly access: Access;
  readonly request: Req;
  readonly response: Res;
  makeRequest(payload: z.input<Req>, actor: Actor | null): RpcMessage<z.output<Req>>;
  /** `checks.inputChecked`: `raw` was parsed from JSON text that jsonTextMayHoldBadText() cleared. */
  parseRequest(raw: unknown, checks?: Pick<TextCheckOptions, 'inputChecked'>): RpcMessage<z.output<Req>>;
  makeResponse(value: z.input<Res>): z.output<Res>;
  /**
   * The validated response as JSON text, what a service sends: the text checks run on that text (one
   * scan for escapes) instead of walking the object, which matters for big responses such as search pages.
   */
  encodeResponse(value: z.input<Res>): string;
  /**
   * `checks.inputChecked` as above; `checks.outputChecked`: the sender checked its output already
   * (a service's encodeResponse did), so the response is only checked against its schema.
   */
  parseResponse(raw: unknown, checks?: TextCheckOptions): z.output<Res>;
}

export function defineRpc<Req extends z.ZodType, Res extends z.ZodType>(
  subject: string,
  schemas: { request: Req; response: Res; access: Access },
): RpcContract<Req, Res> {
  if (!subject.startsWith('rpc.')) throw new Error(`RPC subject must start with "rpc.": ${subject}`);
  const message = z.object({ actor: Actor.nullable(), payload: schemas.request });
  return {
    subject,
    access: schemas.access,
    request: schemas.request,
    response: schemas.response,
    makeRequest: (payload, actor) => ({ actor, payload: parseOrThrow(schemas.request, payload) }),
    parseRequest: (raw, checks) => parseOrThrow(message, raw, ErrorCode.MALFORMED_MESSAGE, checks) as RpcMessage<z.output<Req>>,
    makeResponse: (value) => parseOrThrow(schemas.response, value, ErrorCode.INTERNAL_ERROR),
    encodeResponse: (value) => {
      // The handler's own value: its text is checked below, as it will be sent.
      const valid = parseOrThrow(schemas.response, value, ErrorCode.INTERNAL_ERROR, { inputChecked: true, outputChecked: true });
      const json = JSON.stringify(valid) ?? 'null';
      if (jsonTextMayHoldBadText(json)) throwOnBadText(valid, ErrorCode.INTERNAL_ERROR);
      return json;
    },
    parseResponse: (raw, checks) => parseOrThrow(schemas.response, raw, ErrorCode.MALFORMED_MESSAGE, checks),
  };
}
