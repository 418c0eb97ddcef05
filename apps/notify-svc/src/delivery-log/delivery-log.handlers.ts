import { Controller } from '@nestjs/common';
import { getChannelMetrics, listDeliveries, type z } from '@govdisc/contracts';
import { RpcHandler, pageView } from '@govdisc/service-kit';
import { DeliveryLogService } from './delivery-log.service.js';

/** Admins only (the contracts' access): the delivery log per message and the per-channel metrics. */
@Controller()
export class DeliveryLogHandlers {
  constructor(private readonly deliveries: DeliveryLogService) {}

  @RpcHandler(listDeliveries)
  async list(req: z.output<typeof listDeliveries.request>) {
    return pageView(await this.deliveries.page(req), req, (e) => e);
  }

  @RpcHandler(getChannelMetrics)
  metrics() {
    return this.deliveries.metrics();
  }
}
