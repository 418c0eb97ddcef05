import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { listNotifications, markAllNotificationsRead, markNotificationRead, unsubscribeEmail } from '@govdisc/contracts';
import type { Actor } from '@govdisc/contracts';
import { Access, CurrentActor } from '../auth/access.decorator.js';
import { ApiRoute } from '../http/openapi.js';
import { API_PREFIX } from '../http/api-prefix.js';
import { RpcClient } from '@govdisc/service-kit';

@ApiTags('notifications')
@Controller(`${API_PREFIX}/notifications`)
export class NotificationController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ApiRoute(listNotifications, { summary: "The caller's own inbox (paged, newest first) with the unread count", input: 'query' })
  @Access('notifications.list')
  list(@CurrentActor() actor: Actor | null, @Query() query: Record<string, unknown>) {
    return this.rpc.call(listNotifications, query, { actor });
  }

  @Post('read-all')
  @HttpCode(200)
  @ApiRoute(markAllNotificationsRead, { summary: "Marks every notice in the caller's inbox read" })
  @Access('notifications.markAllRead')
  markAllRead(@CurrentActor() actor: Actor | null) {
    return this.rpc.call(markAllNotificationsRead, {}, { actor });
  }

  /**
   * RFC 8058 one-click unsubscribe: mail providers POST `List-Unsubscribe=One-Click` (form-encoded)
   * to the link of the email's List-Unsubscribe header, without signing in; the signed token in the
   * query is all that counts (the body is not needed). Only POST acts: link scanners' GETs change nothing.
   */
  @Post('unsubscribe')
  @HttpCode(200)
  @ApiRoute(unsubscribeEmail, { summary: 'One-click email unsubscribe (RFC 8058) with the signed token from the List-Unsubscribe link', input: 'query' })
  @Access('notifications.unsubscribe')
  unsubscribe(@CurrentActor() actor: Actor | null, @Query() query: Record<string, unknown>) {
    return this.rpc.call(unsubscribeEmail, query, { actor });
  }

  @Post(':notificationId/read')
  @HttpCode(200)
  @ApiRoute(markNotificationRead, { summary: "Marks one notice read (another person's notice answers 404, like an unknown id)" })
  @Access('notifications.markRead')
  markRead(@CurrentActor() actor: Actor | null, @Param('notificationId') id: string) {
    return this.rpc.call(markNotificationRead, { id }, { actor });
  }
}
