import { Global, Inject, Injectable, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { BusNaming } from '@govdisc/messaging';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { ConsumerDeps } from './events.js';
import { ReadinessRegistry } from './health.js';
import { RPC_CLIENT_OPTIONS, RpcClient } from './rpc-client.js';

export { NATS_CONNECTION } from './tokens.js';
import { NATS_CONNECTION } from './tokens.js';

export interface BusOptions {
  url: string;
  prefix: string;
  name: string;
  /** Default timeout of RPC calls made by this app. */
  rpcTimeoutMs?: number;
}

@Injectable()
class BusShutdown implements OnApplicationShutdown {
  constructor(@Inject(NATS_CONNECTION) private readonly nc: NatsConnection) {}

  async onApplicationShutdown() {
    if (!this.nc.isClosed()) await this.nc.drain();
  }
}

/** The app's own NATS connection for JetStream (events), separate from Nest's RPC transport. */
@Global()
@Module({})
export class BusModule {
  static forRoot(opts: BusOptions): DynamicModule {
    return {
      module: BusModule,
      providers: [
        {
          provide: NATS_CONNECTION,
          inject: [ReadinessRegistry],
          useFactory: async (readiness: ReadinessRegistry) => {
            const nc = await connect({
              // A cluster's nodes, comma-separated (the client also learns the others from the one it reaches).
              servers: opts.url.split(','),
              name: `${opts.name}-bus`,
              waitOnFirstConnect: true,
              maxReconnectAttempts: -1,
              // No Error (with its stack) built ahead of every request just in case it fails: that
              // was a visible share of the gateway's CPU per call; failures are mapped by subject anyway.
              noAsyncTraces: true,
            });
            readiness.register('nats', () => nc.flush());
            return nc;
          },
        },
        { provide: BusNaming, useValue: new BusNaming(opts.prefix) },
        { provide: RPC_CLIENT_OPTIONS, useValue: { timeoutMs: opts.rpcTimeoutMs ?? 5_000 } },
        RpcClient,
        ConsumerDeps,
        BusShutdown,
      ],
      exports: [NATS_CONNECTION, BusNaming, RpcClient, ConsumerDeps],
    };
  }
}
