import { Logger } from '@nestjs/common';
import { Ctx, MessagePattern, Payload, RpcException, type NatsContext } from '@nestjs/microservices';
import { type Access, type Actor, DomainError, ErrorCode, type RpcContract, accessAllows, errorMessages } from '@govdisc/contracts';
import type { MsgHdrs } from '@nats-io/transport-node';
import type { z } from 'zod';
import { CORRELATION_HEADER, runWithCorrelation, sanitizeCorrelationId } from './correlation.js';
import { inFlight } from './in-flight.js';
import { UNPARSEABLE } from './nats-server.js';
import { rpcDuration, rpcHandled } from './metrics.js';

export interface RpcMeta {
  actor: Actor | null;
  correlationId: string;
}

const logger = new Logger('RpcHandler');

/**
 * Marks a method as the handler of an RPC contract. The request is validated before the method
 * runs (a bad message is answered with MALFORMED_MESSAGE and changes nothing), the response is
 * validated before it leaves, and every error leaves as `{ code, message, details? }`.
 * Who may call is the contract's `access`, checked again here (defence in depth behind the
 * gateway's matrix); a handler has no say of its own, so it cannot disagree with the gateway.
 */
export function RpcHandler<Req extends z.ZodType, Res extends z.ZodType>(contract: RpcContract<Req, Res>) {
  return <M extends (payload: z.output<Req>, meta: RpcMeta) => Promise<z.input<Res>>>(
    target: object,
    key: string | symbol,
    descriptor: TypedPropertyDescriptor<M>,
  ): void => {
    const original = descriptor.value!;
    const wrapped = async function (this: unknown, data: unknown, ctx?: NatsContext) {
      const correlationId = sanitizeCorrelationId((ctx?.getHeaders?.() as MsgHdrs | undefined)?.get(CORRELATION_HEADER)) ?? undefined;
      return runWithCorrelation(correlationId, () =>
        inFlight.track(async () => {
          const stopTimer = rpcDuration.startTimer({ subject: contract.subject });
          try {
            if (data === UNPARSEABLE) throw new DomainError(ErrorCode.MALFORMED_MESSAGE, '消息体不是有效的 JSON。');
            const message = contract.parseRequest(data);
            authorize(message.actor, contract.access);
            const result = await original.call(this, message.payload, {
              actor: message.actor,
              correlationId: correlationId ?? 'none',
            });
            const response = contract.makeResponse(result);
            rpcHandled.inc({ subject: contract.subject, outcome: 'ok' });
            return response;
          } catch (error) {
            const body = toErrorBody(error, contract.subject);
            rpcHandled.inc({ subject: contract.subject, outcome: body.code });
            throw new RpcException(body);
          } finally {
            stopTimer();
          }
        }),
      );
    };
    descriptor.value = wrapped as never;
    MessagePattern(contract.subject)(target, key, descriptor);
    // Nest passes only what parameter metadata asks for: the payload, and the context (for headers).
    Payload()(target, key, 0);
    Ctx()(target, key, 1);
  };
}

function toErrorBody(error: unknown, subject: string) {
  if (error instanceof DomainError) {
    if (error.code === ErrorCode.MALFORMED_MESSAGE) {
      logger.warn({ subject, details: error.details }, 'rejected malformed RPC message');
    }
    return error.toBody();
  }
  logger.error({ subject, err: error }, 'unexpected error in RPC handler');
  return { code: ErrorCode.INTERNAL_ERROR, message: errorMessages.INTERNAL_ERROR.zh };
}

function authorize(actor: Actor | null, access: Access): void {
  if (accessAllows(access, actor)) return;
  if (!actor) throw new DomainError(ErrorCode.AUTH_REQUIRED);
  throw new DomainError(ErrorCode.FORBIDDEN, undefined, { required: access });
}
