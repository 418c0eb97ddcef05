import { AckPolicy, DeliverPolicy, JetStreamApiError, StorageType, jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import { DEPARTMENT_CONSUMERS, consumers } from '@govdisc/contracts';
import { nanos, type NatsConnection } from '@nats-io/transport-node';
import type { BusNaming } from './naming.js';

const DUPLICATE_WINDOW_MS = 2 * 60_000;

export interface BusLayoutOptions {
  /**
   * Copies of each stream (and its consumers) on a JetStream cluster: 3 keeps every acknowledged event through the
   * loss of one node. 1 on a single server. A stream can be scaled up or down in place by applying again.
   */
  replicas?: 1 | 3 | 5;
}

/** Creates or updates every stream and durable consumer from the one spec in contracts. Idempotent. */
export async function applyBusLayout(nc: NatsConnection, naming: BusNaming, options: BusLayoutOptions = {}): Promise<string[]> {
  const jsm = await jetstreamManager(nc);
  const done: string[] = [];
  for (const spec of naming.streamSpecs()) {
    await upsertStream(jsm, spec.name, spec.subjects, options.replicas ?? 1);
    done.push(`stream ${spec.name}`);
  }
  // The platform's own consumers, then one per department on DEPT_EVENTS (read by the departments' systems).
  for (const name of [...Object.keys(consumers), ...Object.keys(DEPARTMENT_CONSUMERS)]) {
    await ensureConsumer(jsm, naming, name);
    done.push(`consumer ${name}`);
  }
  return done;
}

async function upsertStream(jsm: JetStreamManager, name: string, subjects: string[], replicas: number) {
  const config = { name, subjects, storage: StorageType.File, duplicate_window: nanos(DUPLICATE_WINDOW_MS), num_replicas: replicas };
  try {
    await jsm.streams.info(name);
    await jsm.streams.update(name, config);
  } catch (error) {
    if (!isNotFound(error)) throw error;
    await jsm.streams.add(config);
  }
}

export async function ensureConsumer(jsm: JetStreamManager, naming: BusNaming, name: string): Promise<void> {
  const spec = naming.consumerSpec(name);
  const config = {
    durable_name: name,
    ack_policy: AckPolicy.Explicit,
    deliver_policy: DeliverPolicy.All,
    ack_wait: nanos(spec.ackWaitMs),
    max_deliver: spec.maxDeliver,
    filter_subject: spec.filterSubject,
  };
  try {
    await jsm.consumers.info(spec.stream, name);
    await jsm.consumers.update(spec.stream, name, {
      ack_wait: config.ack_wait,
      max_deliver: config.max_deliver,
      filter_subject: config.filter_subject,
    });
  } catch (error) {
    if (!isNotFound(error)) throw error;
    await jsm.consumers.add(spec.stream, config);
  }
}

function isNotFound(error: unknown): boolean {
  if (error instanceof JetStreamApiError) return error.status === 404;
  return /not found/i.test(String((error as Error)?.message));
}
