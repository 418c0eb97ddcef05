import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { Role } from '@govdisc/contracts';
import { randomUUID } from 'node:crypto';
import { Agent, fetch } from 'undici';
import { InboxRepository } from '../inbox/inbox.repository.js';
import { checkLiteralHost, publicOnlyLookup } from './address-guard.js';
import { signedHeaders } from './webhook-signature.js';
import { WEBHOOK_CLOCK, WEBHOOK_SETTINGS, type WebhookClock, type WebhookSettings, nextAttemptAt } from './webhook.settings.js';
import { type ClaimedDelivery, WebhookRepository } from './webhook.repository.js';

const BATCH = 20;

/**
 * Sends due webhook deliveries: claims them (in request order per endpoint), signs each with the
 * endpoint's secret(s) per Standard Webhooks and POSTs it with a timeout. A 2xx is success; anything
 * else is retried on the schedule, then dead-lettered. An endpoint that has failed without a single
 * success for the failure window is disabled and its department's officers and the admins told.
 * Schedules, leases and the failure window follow the injected clock; `webhook-timestamp` is the
 * real time of sending, because receivers check it against their own clocks.
 */
@Injectable()
export class WebhookSender implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(WebhookSender.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private again = false;
  private stopped = true;
  /** Keeps connections to receivers alive between deliveries; refuses non-public addresses unless allowed. */
  private readonly agent: Agent;

  constructor(
    private readonly repo: WebhookRepository,
    private readonly inbox: InboxRepository,
    @Inject(WEBHOOK_SETTINGS) private readonly settings: WebhookSettings,
    @Inject(WEBHOOK_CLOCK) private readonly clock: WebhookClock,
  ) {
    this.agent = new Agent({
      connect: settings.allowPrivateAddresses ? {} : { lookup: publicOnlyLookup },
      keepAliveTimeout: 30_000,
    });
  }

  onApplicationBootstrap() {
    this.stopped = false;
    this.schedule(0);
  }

  async onModuleDestroy() {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
    await this.agent.close();
  }

  /** Asks for a pass now (after an event queued deliveries), instead of at the next poll. */
  wake(): void {
    if (this.stopped) return;
    if (this.running) this.again = true;
    else this.schedule(0);
  }

  /** Sends what is due now; returns how many deliveries succeeded. */
  async runOnce(): Promise<number> {
    let ok = 0;
    for (;;) {
      const leaseMs = this.settings.timeoutMs * 2 + 5_000;
      const batch = await this.repo.claimDue({ now: this.clock.now(), limit: BATCH, leaseMs });
      const results = await Promise.all(batch.map((d) => this.sendOne(d)));
      ok += results.filter(Boolean).length;
      if (batch.length < BATCH) return ok;
    }
  }

  private schedule(delay: number) {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.running = this.runOnce()
        .catch((error: unknown) => this.logger.warn({ err: error }, 'webhook pass failed; will retry'))
        .finally(() => {
          this.running = undefined;
          if (this.stopped) return;
          const soon = this.again;
          this.again = false;
          this.schedule(soon ? 0 : this.settings.pollIntervalMs);
        });
    }, delay);
    this.timer.unref();
  }

  private async sendOne(d: ClaimedDelivery): Promise<boolean> {
    const body = JSON.stringify(d.payload);
    const now = this.clock.now();
    const e = d.endpoint;
    const secrets = [
      e.secret,
      ...(e.previousSecret && e.previousSecretExpiresAt && e.previousSecretExpiresAt > now ? [e.previousSecret] : []),
    ];
    let statusCode: number | null = null;
    try {
      if (!this.settings.allowPrivateAddresses) checkLiteralHost(new URL(e.url));
      const res = await fetch(e.url, {
        dispatcher: this.agent,
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'govdisc-webhooks/1',
          ...signedHeaders({ msgId: d.eventId, at: new Date(), body, secrets }),
        },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.settings.timeoutMs),
      });
      statusCode = res.status;
      await res.body?.cancel().catch(() => undefined);
      if (res.status < 200 || res.status >= 300) throw new Error(`HTTP ${res.status}`);
      await this.repo.markSucceeded({ id: d.id, endpointId: e.id, statusCode: res.status, now: this.clock.now() });
      return true;
    } catch (error) {
      await this.failed(d, { error: describe(error), statusCode });
      return false;
    }
  }

  private async failed(d: ClaimedDelivery, q: { error: string; statusCode: number | null }) {
    const now = this.clock.now();
    const attempt = d.attempts + 1;
    const retryAt = nextAttemptAt(this.settings, attempt, now);
    this.logger.warn(
      { deliveryId: d.id, endpointId: d.endpointId, attempt, statusCode: q.statusCode, retryAt, err: q.error },
      retryAt ? 'webhook not delivered; will retry' : 'webhook dead-lettered',
    );
    const failingSince = await this.repo.markFailed({ id: d.id, endpointId: d.endpointId, ...q, retryAt, now });
    if (now.getTime() - failingSince.getTime() >= this.settings.failureWindowMs) await this.disable(d, failingSince);
  }

  private async disable(d: ClaimedDelivery, failingSince: Date) {
    const { department, url, id } = d.endpoint;
    const title = `部门接收端已停用（${department}）`;
    const body =
      `接收地址 ${url} 自 ${failingSince.toISOString()} 起持续投递失败超过 ${Math.round(this.settings.failureWindowMs / 3_600_000)} 小时，已自动停用。` +
      `请排查对方系统后在接口中重新启用（enabled=true）；未送达的消息会在启用后继续投递，已转入死信的可由管理员重放。`;
    const recipients = [{ role: Role.DeptOfficer, department }, { role: Role.Admin }];
    const eventId = randomUUID();
    const disabled = await this.repo.disable(
      id,
      `连续投递失败超过 ${Math.round(this.settings.failureWindowMs / 3_600_000)} 小时，已自动停用`,
      (tx) =>
        this.inbox.add(
          recipients.map((recipient) => ({ eventId, eventType: 'notify.webhook.endpoint-disabled', recipient, title, body })),
          tx,
        ),
    );
    if (disabled) this.logger.error({ endpointId: id, department }, 'webhook endpoint disabled after continuous failures');
  }
}

function describe(error: unknown): string {
  if ((error as { name?: unknown } | null)?.name === 'TimeoutError') return 'timeout'; // a DOMException, not always instanceof Error
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ? `${String(error)} (${cause.code}: ${cause.message ?? ''})` : String(error);
}
