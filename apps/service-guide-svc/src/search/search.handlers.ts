import { Controller } from '@nestjs/common';
import { searchGuidePart, type z } from '@govdisc/contracts';
import { RpcHandler } from '@govdisc/service-kit';
import { GuideSearchPart } from './guide-search-part.js';

@Controller()
export class SearchHandlers {
  constructor(private readonly searching: GuideSearchPart) {}

  @RpcHandler(searchGuidePart)
  async search(req: z.output<typeof searchGuidePart.request>) {
    return { parts: await this.searching.search(req) };
  }
}
