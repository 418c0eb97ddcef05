import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { PeriodicTask } from '@govdisc/service-kit';
import nodemailer, { type Transporter } from 'nodemailer';
import { type EmailSettings, EMAIL_SETTINGS } from './email.settings.js';
import { type ClaimedEmail, EmailRepository } from './email.repository.js';
import { signUnsubscribeToken } from './unsubscribe-token.js';

const BATCH = 20;
/** Longer than one SMTP conversation can take (nodemailer's own timeouts are shorter), so a live sender keeps its lease. */
const LEASE_MS = 120_000;

/**
 * Sends the queued emails over SMTP: claims due rows, sends each with its stable Message-ID and the
 * RFC 8058 one-click unsubscribe headers, marks it sent. A transient failure (connection, 4xx) is
 * retried with exponential back-off up to EMAIL_MAX_ATTEMPTS; a permanent one (5xx) fails at once.
 */
@Injectable()
export class EmailSender implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(EmailSender.name);
  private readonly task: PeriodicTask;
  private readonly transport: Transporter | null;

  constructor(
    private readonly emails: EmailRepository,
    @Inject(EMAIL_SETTINGS) private readonly settings: EmailSettings,
  ) {
    this.transport = settings.smtpUrl ? nodemailer.createTransport(settings.smtpUrl) : null;
    this.task = new PeriodicTask({ label: 'email sender', everyMs: settings.pollIntervalMs, run: () => this.runOnce() });
  }

  onApplicationBootstrap() {
    if (this.transport) this.task.start();
  }

  async onModuleDestroy() {
    await this.task.stop();
    this.transport?.close();
  }

  /** Sends what is due now; returns how many were sent. */
  async runOnce(): Promise<number> {
    let sent = 0;
    for (;;) {
      const batch = await this.emails.claimDue(BATCH, LEASE_MS);
      for (const email of batch) sent += (await this.sendOne(email)) ? 1 : 0;
      if (batch.length < BATCH) return sent;
    }
  }

  private async sendOne(email: ClaimedEmail): Promise<boolean> {
    if (await this.emails.isUnsubscribed(email.address)) {
      await this.emails.markSuppressed(email.id);
      return false;
    }
    try {
      await this.transport!.sendMail(this.messageOf(email));
      await this.emails.markSent(email.id);
      return true;
    } catch (error) {
      const code = (error as { responseCode?: number }).responseCode;
      const attempt = email.attempts + 1;
      const permanent = code !== undefined && code >= 500;
      const retryAt = permanent || attempt >= this.settings.maxAttempts ? null : new Date(Date.now() + backoffMs(attempt));
      this.logger.warn(
        { deliveryId: email.id, attempt, responseCode: code, retryAt, err: String(error) },
        retryAt ? 'email not sent; will retry' : 'email failed for good',
      );
      await this.emails.markFailedAttempt(email.id, { error: String(error), retryAt });
      return false;
    }
  }

  private messageOf(email: ClaimedEmail) {
    const url = `${this.settings.publicBaseUrl}/api/v1/notifications/unsubscribe?token=${signUnsubscribeToken(email.address, this.settings.secret)}`;
    return {
      from: this.settings.from,
      to: email.address,
      subject: email.subject,
      text: email.body,
      messageId: email.messageId,
      headers: { 'List-Unsubscribe': `<${url}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
    };
  }
}

/** 5 s, 10 s, 20 s … capped at an hour, with up to 20 % jitter so replicas do not retry in step. */
export function backoffMs(attempt: number): number {
  const base = Math.min(3_600_000, 5_000 * 2 ** (attempt - 1));
  return Math.round(base * (1 + Math.random() * 0.2));
}
