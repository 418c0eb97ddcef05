import type { INestApplication } from '@nestjs/common';
import { NatsRpcServer, RpcClient } from '@govdisc/service-kit';
import { connect } from '@nats-io/transport-node';
import { startPrivateNats } from './nats-server.js';

/** An app's RPC handlers served over NATS, and a client calling them the way the gateway does. */
export interface ServedRpc {
  rpc: RpcClient;
  stop(): Promise<void>;
}

/**
 * Serves a medium test's app (`startMediumApp`) over a private nats-server: RPC subjects carry no test
 * prefix, so on the shared server another run's app could answer. Requests go through the real wire
 * format, validation and access checks of @RpcHandler, as from the gateway. Stop it before app.close().
 */
export async function serveRpc(app: INestApplication, name: string): Promise<ServedRpc> {
  const nats = await startPrivateNats();
  const server = new NatsRpcServer({ app, natsUrl: nats.url, queue: name, name: `${name}-rpc` });
  app.connectMicroservice({ strategy: server }, { inheritAppConfig: true });
  await app.startAllMicroservices();
  const nc = await connect({ servers: nats.url, name: `${name}-client` });
  return {
    rpc: new RpcClient(nc, { timeoutMs: 10_000 }),
    stop: async () => {
      await nc.close();
      await server.close();
      await nats.stop();
    },
  };
}
