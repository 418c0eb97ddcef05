import { Module } from '@nestjs/common';
import { APP_CONFIG } from '@govdisc/service-kit';
import { objectStoreFrom } from '@govdisc/object-store';
import { type AppConfig, attachmentStoreSettings } from '../config/env.js';
import { Table3UseCase } from './table3.usecase.js';
import { ActOnRequestUseCase } from './act-on-request.usecase.js';
import { AttachmentStore } from './attachment-store.js';
import { Clock } from './clock.js';
import { DeadlineScheduler } from './deadline-scheduler.service.js';
import { RequestQueries } from './request-queries.service.js';
import { RequestHandlers } from './request.handlers.js';
import { RequestRepository } from './request.repository.js';
import { SlaReportUseCase } from './sla-report.usecase.js';
import { SubmitRequestUseCase } from './submit-request.usecase.js';

// Settings come from the app's one config token; the classes that need them read APP_CONFIG.
@Module({
  controllers: [RequestHandlers],
  providers: [
    {
      provide: AttachmentStore,
      useFactory: (config: AppConfig) => new AttachmentStore(objectStoreFrom(attachmentStoreSettings(config)), config.ATTACHMENT_MAX_BYTES),
      inject: [APP_CONFIG],
    },
    Clock,
    RequestRepository,
    SubmitRequestUseCase,
    ActOnRequestUseCase,
    RequestQueries,
    Table3UseCase,
    SlaReportUseCase,
    DeadlineScheduler,
  ],
})
export class RequestModule {}
