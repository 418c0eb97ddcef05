import { Injectable } from '@nestjs/common';
import type { NotificationPreference, Subscription } from '../generated/prisma/client.js';
import { PrismaService } from '../infra/prisma.service.js';

export type PreferenceColumns = Omit<NotificationPreference, 'subscriberSub' | 'updatedAt'>;

/** The only place that queries subscriptions and notification preferences. */
@Injectable()
export class SubscriptionRepository {
  constructor(private readonly prisma: PrismaService) {}

  listOf(subscriberSub: string): Promise<Subscription[]> {
    return this.prisma.subscription.findMany({ where: { subscriberSub }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
  }

  /**
   * Adds a subscription unless the person already holds `limit` of them or the same one; the count and
   * the insert run under a per-person advisory lock, so two parallel requests cannot both pass the limit.
   */
  create(q: { subscriberSub: string; kind: string; value: string; terms: string[]; limit: number }) {
    return this.prisma.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`subscription:${q.subscriberSub}`}))`;
      if (await tx.subscription.count({ where: { subscriberSub: q.subscriberSub, kind: q.kind, value: q.value } }))
        return 'duplicate' as const;
      if ((await tx.subscription.count({ where: { subscriberSub: q.subscriberSub } })) >= q.limit) return 'limit' as const;
      return tx.subscription.create({ data: { subscriberSub: q.subscriberSub, kind: q.kind, value: q.value, terms: q.terms } });
    });
  }

  async delete(id: string, subscriberSub: string): Promise<boolean> {
    return (await this.prisma.subscription.deleteMany({ where: { id, subscriberSub } })).count > 0;
  }

  preferencesOf(subscriberSub: string): Promise<NotificationPreference | null> {
    return this.prisma.notificationPreference.findUnique({ where: { subscriberSub } });
  }

  /** Saves the preferences; an email address switched on again is taken off the one-click unsubscribe list (the person asked for it). */
  savePreferences(subscriberSub: string, columns: PreferenceColumns): Promise<NotificationPreference> {
    return this.prisma.$transaction(async (tx) => {
      if (columns.email && columns.emailAddress) await tx.emailUnsubscribe.deleteMany({ where: { address: columns.emailAddress } });
      return tx.notificationPreference.upsert({ where: { subscriberSub }, create: { subscriberSub, ...columns }, update: columns });
    });
  }
}
