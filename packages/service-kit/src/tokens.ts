/** DI token of an app's own NATS connection (JetStream events, RPC calls to other services). */
export const NATS_CONNECTION = Symbol('NATS_CONNECTION');
