import { Module } from '@nestjs/common';
import { RequestHandlers } from './request.handlers.js';
import { RequestRepository } from './request.repository.js';
import { RequestService } from './request.service.js';

@Module({ controllers: [RequestHandlers], providers: [RequestService, RequestRepository] })
export class RequestModule {}
