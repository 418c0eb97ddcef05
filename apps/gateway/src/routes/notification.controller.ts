import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { listNotifications } from '@govdisc/contracts';
import { ApiRoute } from '../http/openapi.js';
import { API_PREFIX } from '../http/api-prefix.js';
import { RpcClient } from '../rpc/rpc-client.service.js';

@ApiTags('notifications')
@Controller(`${API_PREFIX}/notifications`)
export class NotificationController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ApiRoute(listNotifications, { summary: 'In-app notifications (paged)', input: 'query' })
  list(@Query() query: Record<string, unknown>) {
    return this.rpc.call(listNotifications, query);
  }
}
