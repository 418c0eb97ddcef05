import { Global, Module } from '@nestjs/common';
import { CalendarHandlers } from './calendar.handlers.js';
import { loadOfficialSchedule } from './official-schedule.js';
import { WorkingDayCalendar } from './working-day-calendar.js';

@Global()
@Module({
  controllers: [CalendarHandlers],
  providers: [{ provide: WorkingDayCalendar, useFactory: () => new WorkingDayCalendar(loadOfficialSchedule()) }],
  exports: [WorkingDayCalendar],
})
export class CalendarModule {}
