import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { shanghaiDate } from '@govdisc/contracts';
import { APP_CONFIG, PeriodicTask } from '@govdisc/service-kit';
import { SERVICE_NAME, type AppConfig } from '../config/env.js';
import { DocumentLifecycleService } from './document-lifecycle.service.js';

/** Runs scheduled expiry at start and then every EXPIRY_CHECK_INTERVAL_MS (row locks make replicas safe). */
@Injectable()
export class ExpiryScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ExpiryScheduler.name);
  private readonly task: PeriodicTask;

  constructor(
    private readonly lifecycle: DocumentLifecycleService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.task = new PeriodicTask({ label: 'scheduled expiry', everyMs: config.EXPIRY_CHECK_INTERVAL_MS, run: () => this.runOnce() });
  }

  onApplicationBootstrap() {
    this.task.start();
  }

  async runOnce(): Promise<number> {
    const today = shanghaiDate(); // expiry dates are Asia/Shanghai calendar days (a UTC date lagged up to 8 hours)
    const n = await this.lifecycle.expireDue(today, { source: SERVICE_NAME, correlationId: `expiry-${today}` });
    if (n > 0) this.logger.log({ expired: n }, 'documents past their expiry date expired');
    return n;
  }

  onModuleDestroy() {
    return this.task.stop();
  }
}
