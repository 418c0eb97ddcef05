import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  type Actor,
  DomainError,
  ErrorCode,
  type RpcContract,
  errorMessages,
  isErrorBody,
  type z,
} from '@govdisc/contracts';
import { errors, headers, type NatsConnection } from '@nats-io/transport-node';
import { randomUUID } from 'node:crypto';
import { NATS_CONNECTION } from './tokens.js';
import { CORRELATION_HEADER, currentCorrelationId } from './correlation.js';

export const RPC_CLIENT_OPTIONS = Symbol('RPC_CLIENT_OPTIONS');
export interface RpcClientOptions {
  timeoutMs: number;
}

export interface CallOptions {
  actor?: Actor | null;
  timeoutMs?: number;
}

/**
 * Request-reply to a service over core NATS, in Nest's packet format (gateway → service, and
 * service → service for reads such as a citation check). Validates the request before
 * sending (400 on bad input) and the reply on receipt; no responders → 503, no answer → 504.
 */
@Injectable()
export class RpcClient {
  private readonly logger = new Logger('RpcClient');

  constructor(
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(RPC_CLIENT_OPTIONS) private readonly options: RpcClientOptions,
  ) {}

  async call<Req extends z.ZodType, Res extends z.ZodType>(
    contract: RpcContract<Req, Res>,
    payload: unknown,
    opts: CallOptions = {},
  ): Promise<z.output<Res>> {
    const message = contract.makeRequest(payload as z.input<Req>, opts.actor ?? null);
    const h = headers();
    h.set(CORRELATION_HEADER, currentCorrelationId() ?? randomUUID());
    const packet = JSON.stringify({ pattern: contract.subject, data: message, id: randomUUID() });
    let reply: { response?: unknown; err?: unknown };
    try {
      const msg = await this.nc.request(contract.subject, packet, {
        timeout: opts.timeoutMs ?? this.options.timeoutMs,
        headers: h,
      });
      reply = msg.json();
    } catch (error) {
      throw this.transportError(error, contract.subject);
    }
    if (reply.err !== undefined) throw this.replyError(reply.err, contract.subject);
    return contract.parseResponse(reply.response);
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
