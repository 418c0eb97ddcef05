import { Controller } from '@nestjs/common';
import { unsubscribeEmail, type z } from '@govdisc/contracts';
import { RpcHandler } from '@govdisc/service-kit';
import { UnsubscribeService } from './unsubscribe.service.js';

@Controller()
export class EmailHandlers {
  constructor(private readonly unsubscribes: UnsubscribeService) {}

  @RpcHandler(unsubscribeEmail)
  unsubscribe(req: z.output<typeof unsubscribeEmail.request>) {
    return this.unsubscribes.unsubscribe(req.token);
  }
}
