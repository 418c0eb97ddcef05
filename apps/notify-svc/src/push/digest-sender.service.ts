import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { type EmailSettings, EMAIL_SETTINGS } from '../email/email.settings.js';
import { WakeableLoop } from '@govdisc/messaging';
import { DigestRepository } from './digest.repository.js';
import { PUSH_EMAIL_FOOTER } from './push-message.js';
import { type PushSettings, PUSH_SETTINGS } from './push.settings.js';

const PER_PASS = 500;

/** Sends the daily digests (政策推送每日汇总) that are due, a few hundred people per statement. */
@Injectable()
export class DigestSender implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(DigestSender.name);
  private readonly loop: WakeableLoop;

  constructor(
    private readonly digests: DigestRepository,
    @Inject(PUSH_SETTINGS) settings: PushSettings,
    @Inject(EMAIL_SETTINGS) private readonly email: EmailSettings,
  ) {
    this.loop = new WakeableLoop({
      label: 'daily digest',
      everyMs: settings.digestPollIntervalMs,
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

  /** Sends every digest due now; returns how many people got one. */
  async runOnce(): Promise<number> {
    const host = new URL(this.email.publicBaseUrl).hostname;
    let sent = 0;
    for (;;) {
      const r = await this.digests.sendDue({
        limit: PER_PASS,
        withEmail: !!this.email.smtpUrl,
        emailFooter: PUSH_EMAIL_FOOTER,
        messageIdHost: host,
      });
      sent += r.digests;
      if (r.digests > 0) this.logger.log(r, 'daily digests queued');
      if (r.digests < PER_PASS) return sent;
    }
  }
}
