/** How the queue orders and marks requests: least time left first; overdue and due within 3 working days stand out. */
export const DUE_SOON_WORKING_DAYS = 3;

export interface QueueRow {
  workingDaysLeft: number | null;
  overdue: boolean;
  paused: boolean;
}

export type Urgency = 'overdue' | 'due-soon' | 'paused' | 'normal';

export function urgencyOf(row: QueueRow): Urgency {
  if (row.overdue) return 'overdue';
  if (row.paused) return 'paused';
  if (row.workingDaysLeft !== null && row.workingDaysLeft <= DUE_SOON_WORKING_DAYS) return 'due-soon';
  return 'normal';
}

/** Overdue first (most overdue first), then fewest working days left; requests without a running clock last. */
export function byTimeLeft<T extends QueueRow>(rows: readonly T[]): T[] {
  const key = (r: T) => (r.workingDaysLeft === null ? Number.POSITIVE_INFINITY : r.workingDaysLeft);
  return [...rows].sort((a, b) => key(a) - key(b));
}

export function timeLeftZh(row: QueueRow): string {
  if (row.workingDaysLeft === null) return row.paused ? '计时暂停' : '未起算';
  if (row.workingDaysLeft < 0) return `已超期 ${-row.workingDaysLeft} 个工作日`;
  if (row.workingDaysLeft === 0) return '今日到期';
  return `剩余 ${row.workingDaysLeft} 个工作日`;
}
