import type { INestApplicationContext } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { type CustomTransportStrategy, Server } from '@nestjs/microservices';
import { ErrorCode, errorMessages } from '@govdisc/contracts';
import { connect, type Msg, type NatsConnection, type Subscription } from '@nats-io/transport-node';
import { SpanKind, extractTraceContext, inSpan, markFailedWith, tracingEnabled } from '@govdisc/telemetry';
import { inFlight } from './in-flight.js';
import { PublishBatch } from './publish-batch.js';
import { type RpcRoute, rpcRoutesOf } from './rpc-handler.js';
import { decodeRequest, encodeErrorReply, rpcAttributes } from './rpc-wire.js';

export interface NatsRpcServerOptions {
  /** Where the handlers live: the app's controllers are searched for @RpcHandler methods. */
  app: INestApplicationContext;
  natsUrl: string;
  /** Queue group (the app's name): replicas share the requests, each is answered once. */
  queue: string;
  /** Connection name shown by nats-server. */
  name: string;
}

interface Bound {
  route: RpcRoute;
  instance: object;
}

/**
 * Nest transport for the services' RPC on core NATS (wire format: rpc-wire.ts, docs/rpc.md). One
 * queue-group subscription per @RpcHandler subject, and each message goes straight to its route:
 * decode → answer (validate, authorise, handler, validate) → encode → respond, with no observables,
 * packet wrappers or per-message contexts in between. Every request with a reply subject gets a
 * reply, including a body that is not JSON (MALFORMED_MESSAGE); one without is handled and not answered.
 */
export class NatsRpcServer extends Server implements CustomTransportStrategy {
  private nc: NatsConnection | undefined;
  private subscriptions: Subscription[] = [];
  /** replies leave together once per event-loop turn (publish-batch.ts) */
  private replies: PublishBatch | undefined;

  constructor(private readonly options: NatsRpcServerOptions) {
    super();
  }

  async listen(callback: (error?: unknown) => void): Promise<void> {
    try {
      const routes = this.discoverRoutes();
      this.nc = await connect({
        servers: this.options.natsUrl.split(','),
        name: this.options.name,
        waitOnFirstConnect: true,
        maxReconnectAttempts: -1,
      });
      this.replies = new PublishBatch(this.nc);
      for (const [subject, bound] of routes) {
        const sub = this.nc.subscribe(subject, {
          queue: this.options.queue,
          callback: (error, msg) => {
            if (error) this.logger.error(error);
            else this.dispatch(bound, msg);
          },
        });
        this.subscriptions.push(sub);
      }
      await this.nc.flush(); // subscriptions registered on the server before the app reports ready
      callback();
    } catch (error) {
      callback(error);
    }
  }

  /**
   * Stops intake and waits for in-flight work: each subscription drains (requests the server routed
   * here before it saw the unsubscribe are still answered), then the handlers still running finish.
   * Resolves false if that took longer than `timeoutMs`.
   */
  async drain(timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    const subs = this.subscriptions.splice(0);
    const drained = await Promise.race([
      Promise.all(subs.map((sub) => sub.drain().catch(() => sub.unsubscribe()))).then(() => true),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), timeoutMs).unref()),
    ]);
    if (!drained) return false;
    const idle = await inFlight.idle(Math.max(0, deadline - Date.now()));
    this.replies?.flush(); // the last replies are queued for the turn's end: hand them over before anyone closes
    return idle;
  }

  async close(): Promise<void> {
    const nc = this.nc;
    this.replies?.flush(); // nats.js still writes what it holds on close
    this.nc = undefined;
    this.replies = undefined;
    this.subscriptions = [];
    await nc?.close();
  }

  on(): void {
    // No status events: the connection reconnects forever and readiness checks NATS on its own.
  }

  unwrap<T>(): T {
    if (!this.nc) throw new Error('NatsRpcServer is not listening');
    return this.nc as T;
  }

  private dispatch(bound: Bound, msg: Msg): void {
    inFlight.enter();
    let answered: Promise<string>;
    try {
      answered = tracingEnabled() ? this.answerTraced(bound, msg) : bound.route.answer(bound.instance, decodeRequest(msg));
    } catch (error) {
      answered = Promise.reject(error instanceof Error ? error : new Error(String(error))); // still answered and counted out below
    }
    answered.then(
      (reply) => {
        this.respond(msg, reply);
        inFlight.leave();
      },
      (error: unknown) => {
        // answer() turns every error into a reply: this is a bug in the server itself, yet the caller gets an answer.
        this.logger.error(error);
        this.respond(msg, encodeErrorReply({ code: ErrorCode.INTERNAL_ERROR, message: errorMessages.INTERNAL_ERROR.zh }));
        inFlight.leave();
      },
    );
  }

  /** The answer inside a server span, a child of the caller's span when the request carried its trace context. */
  private answerTraced(bound: Bound, msg: Msg): Promise<string> {
    const parent = extractTraceContext((key) => msg.headers?.get(key));
    const subject = bound.route.subject;
    return inSpan(subject, { kind: SpanKind.SERVER, parent, attributes: rpcAttributes(subject) }, async (span) => {
      const reply = await bound.route.answer(bound.instance, decodeRequest(msg));
      if (reply.startsWith('{"err":')) markFailedWith(span, /"code":"([A-Z_]+)"/.exec(reply)?.[1] ?? 'error');
      return reply;
    });
  }

  private respond(msg: Msg, reply: string): void {
    const to = msg.reply;
    if (!to) return;
    if (this.replies) this.replies.publish(to, reply, undefined, undefined, this.replyFailed);
    else this.logger.error(`could not reply on ${msg.subject}: not connected`);
  }

  // e.g. the connection closed while the handler ran: the caller times out, nothing else to do.
  private readonly replyFailed = (error: unknown, to: string | undefined): void => {
    this.logger.error(error, `could not reply to ${to ?? '?'}`);
  };

  /** Every @RpcHandler route of the app's controllers, by subject; a subject handled twice is a startup error. */
  private discoverRoutes(): Map<string, Bound> {
    const routes = new Map<string, Bound>();
    for (const module of this.options.app.get(ModulesContainer, { strict: false }).values()) {
      for (const wrapper of module.controllers.values()) {
        const instance = wrapper.instance as object | undefined;
        if (!instance) continue;
        for (const route of rpcRoutesOf(instance)) {
          if (!wrapper.isDependencyTreeStatic()) {
            throw new Error(`${wrapper.name as string} handles ${route.subject} but is request-scoped; RPC handlers must be singletons`);
          }
          if (routes.has(route.subject)) throw new Error(`two RPC handlers for ${route.subject}`);
          routes.set(route.subject, { route, instance });
        }
      }
    }
    return routes;
  }
}
