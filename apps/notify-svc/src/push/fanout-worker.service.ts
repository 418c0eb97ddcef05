import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { type EmailSettings, EMAIL_SETTINGS } from '../email/email.settings.js';
import { WakeableLoop } from '@govdisc/messaging';
import { FanoutRepository } from './fanout.repository.js';
import { PUSH_EMAIL_FOOTER } from './push-message.js';
import { type PushSettings, PUSH_SETTINGS } from './push.settings.js';
import { pushMetrics } from './push.metrics.js';

/**
 * Works through the policy fan-out jobs batch by batch (FanoutRepository.runBatch), apart from the event
 * consumers: a policy with 100,000 subscribers never holds up a disclosure notice, which its own consumer
 * writes on its own database connection meanwhile.
 */
@Injectable()
export class FanoutWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(FanoutWorker.name);
  private readonly loop: WakeableLoop;

  constructor(
    private readonly jobs: FanoutRepository,
    @Inject(PUSH_SETTINGS) private readonly settings: PushSettings,
    @Inject(EMAIL_SETTINGS) private readonly email: EmailSettings,
  ) {
    this.loop = new WakeableLoop({
      label: 'policy fan-out',
      everyMs: settings.fanoutPollIntervalMs,
      run: () => this.runOnce(),
      onError: (err, message) => this.logger.warn({ err }, message),
    });
  }

  onApplicationBootstrap() {
    this.loop.start();
  }

  async onModuleDestroy() {
    await this.loop.stop();
  }

  wake(): void {
    this.loop.wake();
  }

  /** Runs batches until no job is left; returns how many subscribers were reached. */
  async runOnce(): Promise<number> {
    const host = new URL(this.email.publicBaseUrl).hostname;
    let reached = 0;
    for (;;) {
      const r = await this.jobs.runBatch({
        limit: this.settings.fanoutBatchSize,
        emailFooter: PUSH_EMAIL_FOOTER,
        messageIdHost: host,
        withEmail: !!this.email.smtpUrl,
      });
      if (!r.eventId) return reached;
      reached += r.matched;
      pushMetrics.queued.inc({ channel: 'inbox' }, r.inbox);
      pushMetrics.queued.inc({ channel: 'email' }, r.email);
      pushMetrics.queued.inc({ channel: 'sms-or-wechat' }, r.channel);
      pushMetrics.queued.inc({ channel: 'digest' }, r.digest);
      if (r.done) this.logger.log({ eventId: r.eventId }, 'policy fan-out done');
    }
  }
}
