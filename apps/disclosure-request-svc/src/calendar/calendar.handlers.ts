import { Controller } from '@nestjs/common';
import { DomainError, ErrorCode, addWorkingDays, type z } from '@govdisc/contracts';
import { RpcHandler } from '@govdisc/service-kit';
import { WorkingDayCalendar } from './working-day-calendar.js';

const MIN_YEAR = 2004;

@Controller()
export class CalendarHandlers {
  constructor(private readonly calendar: WorkingDayCalendar) {}

  @RpcHandler(addWorkingDays)
  async add(req: z.output<typeof addWorkingDays.request>) {
    if (Number(req.from.slice(0, 4)) < MIN_YEAR) {
      throw new DomainError(ErrorCode.CALENDAR_OUT_OF_RANGE, `日期需在 ${MIN_YEAR} 年之后。`, { from: req.from });
    }
    return this.calendar.add(req.from, req.days);
  }
}
