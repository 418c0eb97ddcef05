import { Inject, Injectable, Logger } from '@nestjs/common';
import { type Actor, DomainError, ErrorCode, type RpcContract, errorMessages, isErrorBody, type z } from '@govdisc/contracts';
import { errors, type NatsConnection } from '@nats-io/transport-node';
import { NATS_CONNECTION } from './tokens.js';
import { currentCorrelationId } from './correlation.js';
import { decodeReply, encodeRequest } from './rpc-wire.js';

export const RPC_CLIENT_OPTIONS = Symbol('RPC_CLIENT_OPTIONS');
export interface RpcClientOptions {
  timeoutMs: number;
}

export interface CallOptions {
  actor?: Actor | null;
  timeoutMs?: number;
}

/**
 * Request-reply to a service over core NATS, in the plain JSON of rpc-wire.ts (gateway → service, and
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
    // No id of its own when there is none: the service makes one for its logs.
    const body = encodeRequest(message.actor, message.payload, currentCorrelationId());
    let decoded: ReturnType<typeof decodeReply>;
    try {
      const msg = await this.nc.request(contract.subject, body, { timeout: opts.timeoutMs ?? this.options.timeoutMs });
      decoded = decodeReply(msg.string());
    } catch (error) {
      throw this.transportError(error, contract.subject);
    }
    const { reply, textChecked } = decoded;
    if (reply.err !== undefined) throw this.replyError(reply.err, contract.subject);
    // The schema check stays (a reply is refused if it does not match); the text checks ran on the
    // reply's JSON text, and a service checks its output before sending it, so no object walk here.
    return contract.parseResponse(reply.response, { inputChecked: textChecked, outputChecked: textChecked });
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
