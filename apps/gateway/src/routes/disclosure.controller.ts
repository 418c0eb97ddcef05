import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { addWorkingDays, submitDisclosureRequest, trackDisclosureRequest } from '@govdisc/contracts';
import { ApiRoute } from '../http/openapi.js';
import { API_PREFIX } from '../http/api-prefix.js';
import { RpcClient } from '../rpc/rpc-client.service.js';

@ApiTags('disclosure')
@Controller(API_PREFIX)
export class DisclosureController {
  constructor(private readonly rpc: RpcClient) {}

  @Post('disclosure-requests')
  @ApiRoute(submitDisclosureRequest, {
    summary: 'Submit an information-disclosure request (returns a request number and a private tracking code)',
    input: 'body',
    example: { applicantName: '张三', contact: '13800000000', channel: 'ONLINE', description: '长政发〔2022〕3号文件的实施细则' },
  })
  submit(@Body() body: unknown) {
    return this.rpc.call(submitDisclosureRequest, body);
  }

  @Get('disclosure-requests/track/:trackingCode')
  @ApiRoute(trackDisclosureRequest, { summary: 'Track a request with its tracking code (no account needed)' })
  track(@Param('trackingCode') trackingCode: string) {
    return this.rpc.call(trackDisclosureRequest, { trackingCode });
  }

  @Get('calendar/working-days/add')
  @ApiRoute(addWorkingDays, { summary: 'When is my reply due? The n-th working day after a date', input: 'query' })
  addWorkingDays(@Query() query: Record<string, unknown>) {
    return this.rpc.call(addWorkingDays, query);
  }
}
