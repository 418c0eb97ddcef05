import { Injectable } from '@nestjs/common';
import { type Actor, DomainError, ErrorCode } from '@govdisc/contracts';
import { InboxRepository } from './inbox.repository.js';

/** Marks read in batches, so one person with a very long backlog cannot hold one huge statement. */
const MARK_ALL_BATCH = 1_000;

/** A person's inbox: only what is addressed to them or to a role (and department) their token holds. */
@Injectable()
export class InboxService {
  constructor(private readonly inbox: InboxRepository) {}

  async list(actor: Actor, q: { page: number; pageSize: number; eventId?: string; unreadOnly?: boolean }) {
    const [page, unread] = await Promise.all([this.inbox.page(actor, q), this.inbox.unreadCount(actor)]);
    return { ...page, unread };
  }

  /** Someone else's notice answers exactly like an unknown id: ids must not be probeable. */
  async markRead(actor: Actor, id: string) {
    if (!(await this.inbox.isVisible(id, actor))) throw new DomainError(ErrorCode.NOTIFICATION_NOT_FOUND, undefined, { id });
    await this.inbox.markRead([id], actor.sub);
    return { id, read: true as const, unread: await this.inbox.unreadCount(actor) };
  }

  async markAllRead(actor: Actor) {
    let marked = 0;
    for (;;) {
      const ids = await this.inbox.unreadIds(actor, MARK_ALL_BATCH);
      marked += await this.inbox.markRead(ids, actor.sub);
      if (ids.length < MARK_ALL_BATCH) return { marked, unread: 0 as const };
    }
  }
}
