export { WorkingDayCalendar, type CalendarData, type WorkingDayResult } from './working-day-calendar.js';
export { loadOfficialSchedule } from './official-schedule.js';
export { officialCalendar, localDateTime } from './official-calendar.js';
