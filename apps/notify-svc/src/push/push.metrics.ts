import { metricsRegistry } from '@govdisc/service-kit';
import { Counter } from 'prom-client';

/** Policy push counters (the per-channel delivery states are gauges in the delivery log's metrics). */
export const pushMetrics = {
  queued: new Counter({
    name: 'govdisc_notify_push_queued_total',
    help: 'Policy push messages queued by the fan-out, per channel (inbox notices are delivered as they are queued)',
    labelNames: ['channel'],
    registers: [metricsRegistry],
  }),
};
