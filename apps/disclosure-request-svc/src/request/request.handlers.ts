import { Controller } from '@nestjs/common';
import { submitDisclosureRequest, trackDisclosureRequest, type z } from '@govdisc/contracts';
import { RpcHandler } from '@govdisc/service-kit';
import { RequestService } from './request.service.js';

@Controller()
export class RequestHandlers {
  constructor(private readonly requests: RequestService) {}

  @RpcHandler(submitDisclosureRequest)
  async submit(req: z.output<typeof submitDisclosureRequest.request>) {
    const r = await this.requests.submit(req);
    return { requestNumber: r.requestNumber, trackingCode: r.trackingCode, status: r.status, submittedAt: r.submittedAt.toISOString() };
  }

  @RpcHandler(trackDisclosureRequest)
  async track(req: z.output<typeof trackDisclosureRequest.request>) {
    const r = await this.requests.track(req.trackingCode);
    return { requestNumber: r.requestNumber, status: r.status, channel: r.channel, submittedAt: r.submittedAt.toISOString() };
  }
}
