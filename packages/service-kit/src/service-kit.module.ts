import { Global, Module, type DynamicModule } from '@nestjs/common';
import pino, { type Logger } from 'pino';
import { LoggerModule } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { CORRELATION_HEADER, sanitizeCorrelationId } from './correlation.js';
import { HealthController, ReadinessRegistry } from './health.js';
import { pinoOptions, type LoggingOptions } from './logging.js';
import { MetricsController } from './metrics.js';

export const ROOT_LOGGER = Symbol('ROOT_LOGGER');

/** Health, readiness, metrics and JSON logging for any app. */
@Global()
@Module({})
export class ServiceKitModule {
  static forRoot(opts: LoggingOptions): DynamicModule {
    // Buffered, asynchronous stdout: one write(2) per 4 KB instead of one per line (it was the
    // gateway's largest cost per request). pino flushes the buffer on exit; a hard kill may lose
    // the last few lines, which is the usual trade-off for request logs.
    const root: Logger = opts.pretty ? pino(pinoOptions(opts)) : pino(pinoOptions(opts), pino.destination({ sync: false, minLength: 4096 }));
    return {
      module: ServiceKitModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            logger: root,
            genReqId: (req: IncomingMessage) =>
              (req as IncomingMessage & { id?: string }).id ??
              sanitizeCorrelationId(req.headers[CORRELATION_HEADER]) ??
              randomUUID(),
            customProps: (req: IncomingMessage) => ({ correlationId: (req as IncomingMessage & { id?: string }).id }),
            autoLogging: { ignore: (req: IncomingMessage) => ['/health', '/ready', '/metrics'].includes(req.url ?? '') },
            serializers: {
              req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
              res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
            },
          },
        }),
      ],
      controllers: [HealthController, MetricsController],
      providers: [ReadinessRegistry, { provide: ROOT_LOGGER, useValue: root }],
      exports: [ReadinessRegistry, ROOT_LOGGER],
    };
  }
}
