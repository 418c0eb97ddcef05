import { currentTraceId } from '@govdisc/telemetry';
import { currentCorrelationId } from './correlation.js';

/** Paths redacted from every log line: credentials, tracking codes and citizens' personal data (URLs: redact-url.ts). */
export const redactPaths = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.token',
  '*.access_token',
  '*.refresh_token',
  '*.client_secret',
  '*.secret',
  '*.trackingCode',
  '*.idNumber',
  '*.phone',
  '*.contact',
];

export interface LoggingOptions {
  service: string;
  level: string;
  pretty: boolean;
}

export function pinoOptions(opts: LoggingOptions) {
  return {
    level: opts.level,
    base: { service: opts.service },
    redact: { paths: redactPaths, censor: '[redacted]' },
    mixin: () => {
      const correlationId = currentCorrelationId();
      const traceId = currentTraceId(); // with tracing on: the line can be found from its trace, and back
      if (traceId) return correlationId ? { correlationId, traceId } : { traceId };
      return correlationId ? { correlationId } : {};
    },
    transport: opts.pretty ? { target: 'pino-pretty', options: { singleLine: true } } : undefined,
  };
}
