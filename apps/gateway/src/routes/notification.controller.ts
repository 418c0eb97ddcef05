import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { listNotifications } from '@govdisc/contracts';
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
  @ApiRoute(listNotifications, { summary: 'In-app notifications (paged)', input: 'query' })
  @Access('notifications.list')
  list(@CurrentActor() actor: Actor | null, @Query() query: Record<string, unknown>) {
    return this.rpc.call(listNotifications, query, { actor });
  }
}
