import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode, type SubmitDisclosureRequestReq, type z } from '@govdisc/contracts';
import { randomBytes } from 'node:crypto';
import type { DisclosureRequest } from '../generated/prisma/client.js';
import { PrismaService } from '../infra/prisma.service.js';
import { RequestRepository } from './request.repository.js';

/** Unambiguous characters only (no 0/O, 1/I/L): applicants read tracking codes aloud on the phone. */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export function newTrackingCode(length = 12): string {
  const bytes = randomBytes(length);
  return Array.from(bytes, (b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');
}

@Injectable()
export class RequestService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly requests: RequestRepository,
  ) {}

  submit(input: z.output<typeof SubmitDisclosureRequestReq>, now = new Date()): Promise<DisclosureRequest> {
    const year = Number(now.toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' }).slice(0, 4));
    return this.prisma.$transaction(async (tx) => {
      const n = await this.requests.nextNumber(year, tx);
      return this.requests.create(
        {
          ...input,
          requestNumber: `${year}-${String(n).padStart(6, '0')}`,
          trackingCode: newTrackingCode(),
          submittedAt: now,
        },
        tx,
      );
    });
  }

  async track(trackingCode: string): Promise<DisclosureRequest> {
    const request = await this.requests.findByTrackingCode(trackingCode.toUpperCase());
    if (!request) throw new DomainError(ErrorCode.DISCLOSURE_REQUEST_NOT_FOUND);
    return request;
  }
}
