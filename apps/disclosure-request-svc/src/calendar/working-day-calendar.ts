// The calendar lives in @govdisc/working-days (shared with service-guide-svc's opening hours).
export { WorkingDayCalendar, type CalendarData, type WorkingDayResult } from '@govdisc/working-days';
