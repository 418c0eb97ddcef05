import { type DynamicModule, Module } from '@nestjs/common';
import type { AppConfig } from '../config/env.js';
import { Table3UseCase } from './table3.usecase.js';
import { ActOnRequestUseCase } from './act-on-request.usecase.js';
import { ATTACHMENT_SETTINGS, AttachmentStore, type AttachmentSettings } from './attachment-store.js';
import { Clock } from './clock.js';
import { DeadlineScheduler, SCAN_INTERVAL_MS } from './deadline-scheduler.service.js';
import { ASSUMPTIONS, type DisclosureAssumptions } from './domain/assumptions.js';
import { RequestQueries } from './request-queries.service.js';
import { RequestHandlers } from './request.handlers.js';
import { RequestRepository } from './request.repository.js';
import { SubmitRequestUseCase } from './submit-request.usecase.js';

export function assumptionsFrom(config: AppConfig): DisclosureAssumptions {
  return {
    defaultAgency: config.DISCLOSURE_DEFAULT_AGENCY,
    reviewBody: config.DISCLOSURE_REVIEW_BODY,
    supplementWindowWd: config.DISCLOSURE_SUPPLEMENT_WINDOW_WD,
    feePausesClock: config.DISCLOSURE_FEE_PAUSES_CLOCK,
    reasonsPauseClock: config.DISCLOSURE_REASONS_PAUSE_CLOCK,
    duplicateWindowMinutes: config.DISCLOSURE_DUPLICATE_WINDOW_MINUTES,
  };
}

@Module({})
export class RequestModule {
  static forRoot(config: AppConfig): DynamicModule {
    const attachments: AttachmentSettings = { dir: config.ATTACHMENT_DIR, maxBytes: config.ATTACHMENT_MAX_BYTES };
    return {
      module: RequestModule,
      controllers: [RequestHandlers],
      providers: [
        { provide: ASSUMPTIONS, useValue: assumptionsFrom(config) },
        { provide: SCAN_INTERVAL_MS, useValue: config.DEADLINE_SCAN_INTERVAL_MS },
        { provide: ATTACHMENT_SETTINGS, useValue: attachments },
        { provide: AttachmentStore, useFactory: (s: AttachmentSettings) => new AttachmentStore(s), inject: [ATTACHMENT_SETTINGS] },
        Clock,
        RequestRepository,
        SubmitRequestUseCase,
        ActOnRequestUseCase,
        RequestQueries,
        Table3UseCase,
        DeadlineScheduler,
      ],
    };
  }
}
