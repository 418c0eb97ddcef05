import { Body, Controller, Get, Header, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  actOnDisclosureRequest,
  addWorkingDays,
  disclosureTable3,
  getDisclosureRequest,
  listDisclosureQueue,
  submitDisclosureRequest,
  trackDisclosureRequest,
  withdrawDisclosureRequest,
} from '@govdisc/contracts';
import type { Actor } from '@govdisc/contracts';
import { Access, CurrentActor } from '../auth/access.decorator.js';
import { ApiRoute } from '../http/openapi.js';
import { API_PREFIX } from '../http/api-prefix.js';
import { RpcClient } from '@govdisc/service-kit';

const body = (b: unknown) => (typeof b === 'object' && b !== null ? b : {});

@ApiTags('disclosure')
@Controller(API_PREFIX)
export class DisclosureController {
  constructor(private readonly rpc: RpcClient) {}

  @Post('disclosure-requests')
  @ApiRoute(submitDisclosureRequest, {
    summary: 'Submit an information-disclosure request (returns a request number and a private tracking code)',
    input: 'body',
    example: {
      applicant: { type: 'NATURAL_PERSON', name: '张三', idType: 'RESIDENT_ID', idNumber: '11010519491231002X', phone: '13800000000' },
      channel: 'ONLINE',
      description: '长政发〔2022〕3号文件的实施细则',
      deliveryForm: 'EMAIL',
    },
  })
  @Access('disclosure.submit')
  submit(@CurrentActor() actor: Actor | null, @Body() b: unknown) {
    return this.rpc.call(submitDisclosureRequest, b, { actor });
  }

  @Get('disclosure-requests')
  @ApiRoute(listDisclosureQueue, { summary: "Staff queue: the caller's department, earliest due first, with working days left", input: 'query' })
  @Access('disclosure.queue')
  queue(@CurrentActor() actor: Actor | null, @Query() query: Record<string, unknown>) {
    return this.rpc.call(listDisclosureQueue, query, { actor });
  }

  @Get('disclosure-requests/track/:trackingCode')
  @ApiRoute(trackDisclosureRequest, { summary: 'Track a request with its tracking code (no account needed)' })
  @Access('disclosure.track')
  track(@CurrentActor() actor: Actor | null, @Param('trackingCode') trackingCode: string) {
    return this.rpc.call(trackDisclosureRequest, { trackingCode }, { actor });
  }

  @Post('disclosure-requests/track/:trackingCode/withdraw')
  @HttpCode(200)
  @ApiRoute(withdrawDisclosureRequest, {
    summary: 'The applicant withdraws the request: tracking code plus the contact phone’s last four digits (contactLast4), or signed in as the owner; a wrong factor answers like an unknown code',
    input: 'body',
    pathParams: ['trackingCode'],
    example: { document: '已通过其他途径获得所需信息，撤回申请', contactLast4: '0000' },
  })
  @Access('disclosure.withdraw')
  withdraw(@CurrentActor() actor: Actor | null, @Param('trackingCode') trackingCode: string, @Body() b: unknown) {
    return this.rpc.call(withdrawDisclosureRequest, { ...body(b), trackingCode }, { actor });
  }

  @Get('disclosure-requests/:requestNumber')
  @ApiRoute(getDisclosureRequest, { summary: 'One request with deadlines and timeline (GIO and the assigned department)' })
  @Access('disclosure.get')
  get(@CurrentActor() actor: Actor | null, @Param('requestNumber') requestNumber: string) {
    return this.rpc.call(getDisclosureRequest, { requestNumber }, { actor });
  }

  @Post('disclosure-requests/:requestNumber/actions')
  @HttpCode(200)
  @ApiRoute(actOnDisclosureRequest, {
    summary: 'A workflow step (confirm, 补正, accept, consult, extend, fee, reply, withdraw); wrong state → 409, wrong role → 403',
    input: 'body',
    example: { action: { type: 'ACCEPT', department: 'finance' } },
  })
  @Access('disclosure.act')
  act(@CurrentActor() actor: Actor | null, @Param('requestNumber') requestNumber: string, @Body() b: unknown) {
    return this.rpc.call(actOnDisclosureRequest, { ...body(b), requestNumber }, { actor });
  }

  @Get('disclosure-reports/table3')
  @ApiRoute(disclosureTable3, { summary: 'Annual report Table 3 (收到和处理政府信息公开申请情况) as JSON', input: 'query' })
  @Access('disclosure.report')
  table3(@CurrentActor() actor: Actor | null, @Query() query: Record<string, unknown>) {
    return this.rpc.call(disclosureTable3, query, { actor });
  }

  @Get('disclosure-reports/table3.csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @ApiRoute(disclosureTable3, { summary: 'Annual report Table 3 as CSV (UTF-8)', input: 'query' })
  @Access('disclosure.report')
  async table3Csv(@CurrentActor() actor: Actor | null, @Query() query: Record<string, unknown>) {
    const report = await this.rpc.call(disclosureTable3, query, { actor });
    return report.csv;
  }

  @Get('calendar/working-days/add')
  @ApiRoute(addWorkingDays, { summary: 'When is my reply due? The n-th working day after a date', input: 'query' })
  @Access('calendar.addWorkingDays')
  addWorkingDays(@CurrentActor() actor: Actor | null, @Query() query: Record<string, unknown>) {
    return this.rpc.call(addWorkingDays, query, { actor });
  }
}
