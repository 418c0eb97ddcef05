#!/usr/bin/env node
// Creates or updates every JetStream stream and durable consumer declared in @govdisc/contracts.
// Idempotent: the start script, the test setup and a deploy job all run it.
import { connect } from '@nats-io/transport-node';
import { BusNaming, applyBusLayout } from '@govdisc/messaging';

const url = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
const prefix = process.env.NATS_SUBJECT_PREFIX ?? '';
const nc = await connect({ servers: url, name: 'bus-apply' }).catch((error) => {
  console.error(`cannot reach NATS at ${url}: ${error.message}. Start it with infra/scripts/ensure-nats.sh`);
  process.exit(1);
});
const done = await applyBusLayout(nc, new BusNaming(prefix));
console.log(`NATS ${url}${prefix ? ` (prefix ${prefix})` : ''}: ${done.join(', ')}`);
await nc.drain();
