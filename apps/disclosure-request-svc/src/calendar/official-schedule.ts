export { loadOfficialSchedule } from '@govdisc/working-days';
