import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Page, parseOrThrow, z } from '@govdisc/contracts';
import { pageView } from '@govdisc/service-kit';
import { Access } from '../auth/access.decorator.js';
import { API_PREFIX } from '../http/api-prefix.js';
import { AuditRepository } from './audit.repository.js';

const AuditQuery = Page.extend({ actorSub: z.string().trim().min(1).max(200).optional() }).strict();

@ApiTags('audit')
@Controller(`${API_PREFIX}/audit-log`)
export class AuditController {
  constructor(private readonly audit: AuditRepository) {}

  @Get()
  @Access('audit.list')
  @ApiOperation({ summary: 'Staff writes, newest first (read-only: entries cannot be changed or deleted)' })
  async list(@Query() query: Record<string, unknown>) {
    const q = parseOrThrow(AuditQuery, query);
    return pageView(await this.audit.list(q), q, (e) => ({ ...e, id: e.id.toString(), at: e.at.toISOString() }));
  }
}
