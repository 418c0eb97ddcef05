#!/usr/bin/env node
// Creates or updates every JetStream stream and durable consumer declared in @govdisc/contracts.
// Idempotent: the start script, the test setup and a deploy job all run it.
import { connect } from '@nats-io/transport-node';
import { BusNaming, applyBusLayout } from '@govdisc/messaging';

const url = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
const prefix = process.env.NATS_SUBJECT_PREFIX ?? '';
// Copies of each stream: 3 on a JetStream cluster (an acknowledged event survives the loss of a node), 1 on one server.
const replicas = Number(process.env.JETSTREAM_REPLICAS ?? '1');
if (![1, 3, 5].includes(replicas)) {
  console.error(`JETSTREAM_REPLICAS must be 1, 3 or 5, not ${process.env.JETSTREAM_REPLICAS}`);
  process.exit(2);
}
const nc = await connect({ servers: url, name: 'bus-apply' }).catch((error) => {
  console.error(`cannot reach NATS at ${url}: ${error.message}. Start it with infra/scripts/ensure-nats.sh`);
  process.exit(1);
});
const done = await applyBusLayout(nc, new BusNaming(prefix), { replicas });
console.log(`NATS ${url}${prefix ? ` (prefix ${prefix})` : ''}, ${replicas} replica(s): ${done.join(', ')}`);
await nc.drain();
