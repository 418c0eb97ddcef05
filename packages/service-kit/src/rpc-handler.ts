import { Logger } from '@nestjs/common';
import { RpcException } from '@nestjs/microservices';
import {
  type Access,
  type Actor,
  DomainError,
  type ErrorBody,
  ErrorCode,
  type RpcContract,
  accessAllows,
  errorMessages,
} from '@govdisc/contracts';
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { runWithCorrelation } from './correlation.js';
import { rpcRecorder } from './metrics.js';
import { type DecodedRequest, type RpcReply, UNPARSEABLE, encodeErrorReply, encodeResponseReply, idempotencyKeyOf } from './rpc-wire.js';
import { isDependencyUnavailable } from './dependency-errors.js';

export interface RpcMeta {
  actor: Actor | null;
  correlationId: string;
  /**
   * The caller's Idempotency-Key, scoped to the caller by the gateway: a handler that creates something stores it
   * with what it created and answers a repeat with that, so a retry after a timeout (the first attempt may still
   * have committed) cannot create it twice.
   */
  idempotencyKey?: string;
}

/** One handled subject of a handler class: what the RPC server subscribes and calls. */
export interface RpcRoute {
  subject: string;
  /** Answers one decoded request on `instance` with the reply's JSON text; never rejects (errors become `{ err }`). */
  answer(instance: object, request: DecodedRequest): Promise<string>;
}

const routesByPrototype = new WeakMap<object, RpcRoute[]>();

/** The RPC routes declared with @RpcHandler on an object's class (and its base classes). */
export function rpcRoutesOf(instance: object): RpcRoute[] {
  const routes: RpcRoute[] = [];
  for (
    let proto = Object.getPrototypeOf(instance) as object | null;
    proto && proto !== Object.prototype;
    proto = Object.getPrototypeOf(proto) as object | null
  ) {
    routes.push(...(routesByPrototype.get(proto) ?? []));
  }
  return routes;
}

const logger = new Logger('RpcHandler');

/**
 * Marks a method as the handler of an RPC contract. The request is validated before the method
 * runs (a bad message is answered with MALFORMED_MESSAGE and changes nothing), the response is
 * validated before it leaves, and every error leaves as `{ code, message, details? }`.
 * Who may call is the contract's `access`, checked again here (defence in depth behind the
 * gateway's matrix); a handler has no say of its own, so it cannot disagree with the gateway.
 *
 * The response is checked on its JSON text as it will be sent (contract.encodeResponse): the schema
 * check stays on every response, big search pages included, at the cost of one zod parse.
 *
 * The RPC server (rpc-server.ts) calls the route's `answer` straight from the NATS subscription;
 * the decorated method itself stays callable as `method(message, correlationId?)` (message: `{ actor, payload, idempotencyKey? }`): it resolves to the
 * response as it would travel (JSON) or throws an RpcException carrying the error body (how tests call handlers).
 */
export function RpcHandler<Req extends z.ZodType, Res extends z.ZodType>(contract: RpcContract<Req, Res>) {
  return <M extends (payload: z.output<Req>, meta: RpcMeta) => Promise<z.input<Res>>>(
    target: object,
    key: string | symbol,
    descriptor: TypedPropertyDescriptor<M>,
  ): void => {
    const original = descriptor.value!;
    const { subject } = contract;
    const record = rpcRecorder(subject);

    async function run(instance: object, request: DecodedRequest, correlationId: string): Promise<string> {
      const started = performance.now();
      try {
        if (request.data === UNPARSEABLE) throw new DomainError(ErrorCode.MALFORMED_MESSAGE, '消息体不是有效的 JSON。');
        const message = contract.parseRequest(request.data, { inputChecked: request.textChecked });
        authorize(message.actor, contract.access);
        const meta: RpcMeta = { actor: message.actor, correlationId };
        if (request.idempotencyKey) meta.idempotencyKey = request.idempotencyKey;
        const result = await original.call(instance, message.payload, meta);
        const reply = encodeResponseReply(contract.encodeResponse(result));
        record('ok', (performance.now() - started) / 1000);
        return reply;
      } catch (error) {
        const err = toErrorBody(error, subject);
        record(err.code, (performance.now() - started) / 1000);
        return encodeErrorReply(err);
      }
    }

    const route: RpcRoute = {
      subject,
      answer(instance, request) {
        const id = request.correlationId || randomUUID();
        return runWithCorrelation(id, () => run(instance, request, id));
      },
    };
    routesByPrototype.set(target, [...(routesByPrototype.get(target) ?? []), route]);

    descriptor.value = async function (this: object, data: unknown, correlationId?: string) {
      const request = { data, correlationId, idempotencyKey: idempotencyKeyOf(data), textChecked: false };
      const reply = JSON.parse(await route.answer(this, request)) as RpcReply;
      if (reply.err) throw new RpcException(reply.err);
      return reply.response;
    } as never;
  };
}

function toErrorBody(error: unknown, subject: string): ErrorBody {
  if (error instanceof DomainError) {
    if (error.code === ErrorCode.MALFORMED_MESSAGE) {
      logger.warn({ subject, details: error.details }, 'rejected malformed RPC message');
    }
    return error.toBody();
  }
  if (isDependencyUnavailable(error)) {
    logger.warn({ subject, err: error }, 'a dependency is unavailable: answered SERVICE_UNAVAILABLE');
    return { code: ErrorCode.SERVICE_UNAVAILABLE, message: errorMessages.SERVICE_UNAVAILABLE.zh };
  }
  logger.error({ subject, err: error }, 'unexpected error in RPC handler');
  return { code: ErrorCode.INTERNAL_ERROR, message: errorMessages.INTERNAL_ERROR.zh };
}

function authorize(actor: Actor | null, access: Access): void {
  if (accessAllows(access, actor)) return;
  if (!actor) throw new DomainError(ErrorCode.AUTH_REQUIRED);
  throw new DomainError(ErrorCode.FORBIDDEN, undefined, { required: access });
}
