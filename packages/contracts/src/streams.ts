import { DISCLOSURE_DEPARTMENTS } from './disclosure/departments.js';

/**
 * JetStream layout: one stream per producing context capturing `<context>.>`.
 * RPC subjects live under `rpc.` and are never captured (a request to a stream subject gets a PubAck).
 */
export const streams = {
  POLICY_EVENTS: { subjects: ['policy.>'] },
  QA_EVENTS: { subjects: ['qa.>'] },
  GUIDE_EVENTS: { subjects: ['guide.>'] },
  DISCLOSURE_EVENTS: { subjects: ['disclosure.>'] },
  NOTIFY_EVENTS: { subjects: ['notify.>'] },
  /** Department-scoped copies of disclosure events (applicant stripped), `dept.<department>.disclosure.request.<event>`; see docs/department-integration.md. */
  DEPT_EVENTS: { subjects: ['dept.>'] },
} as const;
export type StreamName = keyof typeof streams;

/** The services behind the gateway, with the subject of their health check. */
export const serviceNames = ['policy-svc', 'qa-svc', 'service-guide-svc', 'disclosure-request-svc', 'notify-svc'] as const;
export type ServiceName = (typeof serviceNames)[number];

/** Durable consumers (`<app>__<purpose>`): pull, explicit ack, redelivered up to maxDeliver times. */
export const consumers = {
  'notify-svc__policy-document-published': {
    stream: 'POLICY_EVENTS',
    filterSubject: 'policy.document.published',
    ackWaitMs: 30_000,
    maxDeliver: 5,
  },
  /** Policy pushes (政策推送): only records the change; a separate fan-out worker tells the subscribers. */
  'notify-svc__policy-push': {
    stream: 'POLICY_EVENTS',
    filterSubject: 'policy.document.>',
    ackWaitMs: 30_000,
    maxDeliver: 5,
  },
  'notify-svc__qa-pair-needs-update': {
    stream: 'QA_EVENTS',
    filterSubject: 'qa.pair.needs-update',
    ackWaitMs: 30_000,
    maxDeliver: 5,
  },
  /** Every disclosure workflow fact: one consumer, so one request's notices keep their order. */
  'notify-svc__disclosure-request-events': {
    stream: 'DISCLOSURE_EVENTS',
    filterSubject: 'disclosure.request.>',
    ackWaitMs: 30_000,
    maxDeliver: 5,
  },
  'notify-svc__guide-matter-needs-update': {
    stream: 'GUIDE_EVENTS',
    filterSubject: 'guide.matter.needs-update',
    ackWaitMs: 30_000,
    maxDeliver: 5,
  },
  'service-guide-svc__policy-document-changed': {
    stream: 'POLICY_EVENTS',
    filterSubject: 'policy.document.>',
    ackWaitMs: 30_000,
    maxDeliver: 5,
  },
  'qa-svc__policy-document-changed': {
    stream: 'POLICY_EVENTS',
    filterSubject: 'policy.document.>',
    ackWaitMs: 30_000,
    maxDeliver: 5,
  },
} as const satisfies Record<string, ConsumerSpec>;
export type ConsumerName = keyof typeof consumers;

/**
 * Per-process consumers: each replica keeps its own in-memory read model (the embedded search engine),
 * so every replica must see every event. They are ordered, ephemeral consumers resuming from a stream
 * sequence the replica persisted itself, never shared durables; applyBusLayout does not create them.
 */
export const perProcessConsumers = {
  'policy-svc__search-projection': { stream: 'POLICY_EVENTS', filterSubject: 'policy.document.>' },
} as const satisfies Record<string, Pick<ConsumerSpec, 'stream' | 'filterSubject'>>;

export interface ConsumerSpec {
  stream: StreamName;
  filterSubject: string;
  ackWaitMs: number;
  maxDeliver: number;
}

/**
 * One durable pull consumer per department on DEPT_EVENTS, `dept-<code>` filtering
 * `dept.<code>.>`: created by the platform (applyBusLayout), used by the department's system with
 * NATS credentials that may read only that consumer (docs/department-integration.md). Its ack
 * wait and deliveries are the department's business; these are generous defaults.
 */
export const departmentConsumerName = (department: string) => `dept-${department}`;
export const departmentConsumers = (departments: readonly string[]): Record<string, ConsumerSpec> =>
  Object.fromEntries(
    departments.map((d) => [
      departmentConsumerName(d),
      { stream: 'DEPT_EVENTS', filterSubject: `dept.${d}.>`, ackWaitMs: 60_000, maxDeliver: 100 } satisfies ConsumerSpec,
    ]),
  );

/** The department consumers of every department in the registry. */
export const DEPARTMENT_CONSUMERS = departmentConsumers(DISCLOSURE_DEPARTMENTS.map((d) => d.code));

/** Messages that exhausted their deliveries land here, one subject per consumer, for people to look at. */
export const DEAD_LETTER_STREAM = 'DEAD_LETTERS';
export const deadLetterSubject = (consumer: string) => `deadletter.${consumer}`;
