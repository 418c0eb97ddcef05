import type { DepartmentEventType } from '@govdisc/contracts';

/** What each department event means, in the words of the workflow. */
export const EVENT_ZH: Record<DepartmentEventType, string> = {
  'disclosure.request.submitted': '收到新申请',
  'disclosure.request.received': '确认收到',
  'disclosure.request.supplement-requested': '告知补正',
  'disclosure.request.accepted': '受理',
  'disclosure.request.assigned': '分办到本部门',
  'disclosure.request.consultation-requested': '征求意见',
  'disclosure.request.extended': '延期答复',
  'disclosure.request.fee-notified': '发出收费通知',
  'disclosure.request.due-soon': '即将到期',
  'disclosure.request.overdue': '已超期',
  'disclosure.request.replied': '已答复',
  'disclosure.request.closed': '已办结',
  'disclosure.request.withdrawn': '申请人撤回',
};

export const DELIVERY_STATUS_ZH: Record<string, string> = { PENDING: '待重试', SUCCEEDED: '成功', DEAD: '失败（已停止重试）' };

/** The outcome of a form that shows a secret once (useActionState keeps it out of the URL and history). */
export interface SecretState {
  error?: string;
  done?: string;
  secret?: string;
}
