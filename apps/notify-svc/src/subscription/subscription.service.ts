import { Injectable, Logger } from '@nestjs/common';
import {
  type Actor,
  CITIZEN_TOPICS,
  DomainError,
  ErrorCode,
  MAX_SUBSCRIPTIONS_PER_PERSON,
  type NotificationPreferences,
  type SubscriptionKind,
  type SubscriptionView,
} from '@govdisc/contracts';
import type { Subscription } from '../generated/prisma/client.js';
import { toPreferenceColumns, toPreferencesView } from './preferences.mapper.js';
import { savedSearchTerms } from './search-terms.js';
import { SubscriptionRepository } from './subscription.repository.js';

const topicName = (code: string) => CITIZEN_TOPICS.find((t) => t.code === code)?.name;

export function toSubscriptionView(s: Subscription): SubscriptionView {
  return {
    id: s.id,
    kind: s.kind as SubscriptionKind,
    value: s.value,
    label: (s.kind === 'topic' ? topicName(s.value) : undefined) ?? s.value,
    createdAt: s.createdAt.toISOString(),
  };
}

/** A signed-in citizen's or enterprise's policy push subscriptions (政策推送) and how they want to be told. */
@Injectable()
export class SubscriptionService {
  private readonly logger = new Logger(SubscriptionService.name);

  constructor(private readonly subscriptions: SubscriptionRepository) {}

  async list(actor: Actor) {
    const rows = await this.subscriptions.listOf(actor.sub);
    return { items: rows.map(toSubscriptionView), limit: MAX_SUBSCRIPTIONS_PER_PERSON };
  }

  async create(actor: Actor, input: { kind: SubscriptionKind; value: string }): Promise<SubscriptionView> {
    const { value, terms } = this.normalized(input);
    const created = await this.subscriptions.create({
      subscriberSub: actor.sub,
      kind: input.kind,
      value,
      terms,
      limit: MAX_SUBSCRIPTIONS_PER_PERSON,
    });
    if (created === 'duplicate') throw new DomainError(ErrorCode.NOTIFY_SUBSCRIPTION_DUPLICATE, undefined, { kind: input.kind, value });
    if (created === 'limit')
      throw new DomainError(ErrorCode.NOTIFY_SUBSCRIPTION_LIMIT_REACHED, undefined, { limit: MAX_SUBSCRIPTIONS_PER_PERSON });
    this.logger.log({ subscriptionId: created.id, kind: created.kind }, 'subscription created');
    return toSubscriptionView(created);
  }

  async delete(actor: Actor, id: string) {
    // Someone else's subscription answers like an unknown id.
    if (!(await this.subscriptions.delete(id, actor.sub)))
      throw new DomainError(ErrorCode.NOTIFY_SUBSCRIPTION_NOT_FOUND, undefined, { id });
    return { id, deleted: true as const };
  }

  async preferences(actor: Actor): Promise<NotificationPreferences> {
    return toPreferencesView(await this.subscriptions.preferencesOf(actor.sub));
  }

  async savePreferences(actor: Actor, p: NotificationPreferences): Promise<NotificationPreferences> {
    const missing = (['email', 'sms', 'wechat'] as const).filter((c) => p.channels[c] && !contactOf(p, c));
    if (missing.length > 0) throw new DomainError(ErrorCode.NOTIFY_PREFERENCES_CONTACT_MISSING, undefined, { channels: missing });
    return toPreferencesView(await this.subscriptions.savePreferences(actor.sub, toPreferenceColumns(p)));
  }

  private normalized(input: { kind: SubscriptionKind; value: string }): { value: string; terms: string[] } {
    switch (input.kind) {
      case 'topic':
        if (!topicName(input.value))
          throw new DomainError(ErrorCode.NOTIFY_SUBSCRIPTION_TOPIC_UNKNOWN, undefined, {
            topic: input.value,
            topics: CITIZEN_TOPICS.map((t) => t.code),
          });
        return { value: input.value, terms: [] };
      case 'query': {
        const terms = savedSearchTerms(input.value);
        if (terms.length === 0) throw new DomainError(ErrorCode.NOTIFY_SUBSCRIPTION_QUERY_EMPTY, undefined, { query: input.value });
        return { value: input.value.replace(/\s+/g, ' '), terms };
      }
      default:
        return { value: input.value.replace(/\s+/g, ''), terms: [] };
    }
  }
}

function contactOf(p: NotificationPreferences, channel: 'email' | 'sms' | 'wechat'): string | null {
  return channel === 'email' ? p.email : channel === 'sms' ? p.phone : p.wechatOpenId;
}
