import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { backoffMs } from '../email/email-sender.service.js';
import { WakeableLoop } from '@govdisc/messaging';
import { type ChannelProvider, ChannelSendError, SMS_PROVIDER, WECHAT_PROVIDER } from './channel-provider.port.js';
import { type ChannelSettings, CHANNEL_SETTINGS } from './channel.settings.js';
import { type ClaimedMessage, ChannelRepository } from './channel.repository.js';

const BATCH = 50;
const LEASE_MS = 60_000;

/**
 * Sends the queued SMS and WeChat subscription messages through their provider ports: claims due rows,
 * sends, records provider and provider message id (the delivery log). Transient failures are retried with
 * back-off up to CHANNEL_MAX_ATTEMPTS; a permanent refusal (ChannelSendError.permanent) fails at once.
 */
@Injectable()
export class ChannelSender implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ChannelSender.name);
  private readonly loop: WakeableLoop;
  private readonly providers: Record<ClaimedMessage['channel'], ChannelProvider>;

  constructor(
    private readonly messages: ChannelRepository,
    @Inject(SMS_PROVIDER) sms: ChannelProvider,
    @Inject(WECHAT_PROVIDER) wechat: ChannelProvider,
    @Inject(CHANNEL_SETTINGS) private readonly settings: ChannelSettings,
  ) {
    this.providers = { sms, wechat };
    this.loop = new WakeableLoop({
      label: 'sms/wechat sender',
      everyMs: settings.pollIntervalMs,
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

  /** Sends what is due now; returns how many were sent. */
  async runOnce(): Promise<number> {
    let sent = 0;
    for (;;) {
      const batch = await this.messages.claimDue(BATCH, LEASE_MS);
      const results = await Promise.all(batch.map((m) => this.sendOne(m)));
      sent += results.filter(Boolean).length;
      if (batch.length < BATCH) return sent;
    }
  }

  private async sendOne(m: ClaimedMessage): Promise<boolean> {
    const provider = this.providers[m.channel];
    try {
      const { providerMessageId } = await provider.send({ deliveryId: m.id, to: m.address, title: m.title, body: m.body });
      await this.messages.markSent(m.id, { provider: provider.name, providerMessageId });
      return true;
    } catch (error) {
      const attempt = m.attempts + 1;
      const permanent = error instanceof ChannelSendError && error.permanent;
      const retryAt = permanent || attempt >= this.settings.maxAttempts ? null : new Date(Date.now() + backoffMs(attempt));
      this.logger.warn(
        { deliveryId: m.id, channel: m.channel, attempt, retryAt, err: String(error) },
        retryAt ? 'message not sent; will retry' : 'message failed for good',
      );
      await this.messages.markFailedAttempt(m.id, { provider: provider.name, error: String(error), retryAt });
      return false;
    }
  }
}
