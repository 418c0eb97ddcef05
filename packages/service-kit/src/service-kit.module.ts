import { Global, Inject, Module, type DynamicModule, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import pino, { type Logger } from 'pino';
import { LoggerModule } from 'nestjs-pino';
import { accessLogMiddleware } from './access-log.js';
import { HealthController, ReadinessRegistry } from './health.js';
import { pinoOptions, type LoggingOptions } from './logging.js';
import { MetricsController } from './metrics.js';

export const ROOT_LOGGER = Symbol('ROOT_LOGGER');
const SERVICE_KIT_OPTIONS = Symbol('SERVICE_KIT_OPTIONS');

export interface ServiceKitOptions extends LoggingOptions {
  /** false: no /metrics on the app's HTTP port (an app with a public port serves them internally, see startMetricsListener). */
  publicMetrics?: boolean;
  /** false: the app writes its own access log (the gateway does, from its HTTP server's response hook). */
  accessLog?: boolean;
}

/** Health, readiness, metrics and JSON logging for any app. */
const LOG_BATCH_BYTES = 4096;
const LOG_FLUSH_MS = 200;

function batchedStdout() {
  const destination = pino.destination({ sync: false, minLength: LOG_BATCH_BYTES });
  setInterval(() => {
    try {
      destination.flush();
    } catch {
      // not ready yet (the file descriptor opens asynchronously): the next tick flushes
    }
  }, LOG_FLUSH_MS).unref();
  return destination;
}

@Global()
@Module({})
export class ServiceKitModule implements NestModule {
  constructor(
    @Inject(ROOT_LOGGER) private readonly root: Logger,
    @Inject(SERVICE_KIT_OPTIONS) private readonly options: ServiceKitOptions,
  ) {}

  configure(consumer: MiddlewareConsumer) {
    if (this.options.accessLog !== false) consumer.apply(accessLogMiddleware(this.root)).forRoutes('*path');
  }

  static forRoot(opts: ServiceKitOptions): DynamicModule {
    // Asynchronous, batched stdout: a line never blocks the event loop, and lines go out in writes of
    // up to 4 KB (one write per request cost the gateway a tenth of its CPU per call), at the latest
    // every 200 ms so a quiet service's lines are not held back. pino flushes on exit; a hard kill
    // may lose the last lines, the usual trade-off for logs.
    const root: Logger = opts.pretty ? pino(pinoOptions(opts)) : pino(pinoOptions(opts), batchedStdout());
    return {
      module: ServiceKitModule,
      imports: [
        // Nest's Logger writes through this root logger; request lines come from accessLogMiddleware
        // (no pino-http middleware on any route), request ids from the correlation context (mixin).
        LoggerModule.forRoot({ pinoHttp: { logger: root }, forRoutes: [] }),
      ],
      controllers: opts.publicMetrics === false ? [HealthController] : [HealthController, MetricsController],
      providers: [ReadinessRegistry, { provide: ROOT_LOGGER, useValue: root }, { provide: SERVICE_KIT_OPTIONS, useValue: opts }],
      exports: [ReadinessRegistry, ROOT_LOGGER],
    };
  }
}
