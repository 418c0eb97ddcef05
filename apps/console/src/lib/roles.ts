import { ROLES, type Role } from '@govdisc/contracts';

/** Each realm role in the words staff use (the console shows these, never the raw role name alone). */
export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  citizen: '公众用户',
  enterprise: '企业用户',
  editor: '内容编辑',
  reviewer: '内容审核',
  'dept-officer': '部门办理人员',
  'hotline-operator': '热线话务员',
  'disclosure-officer': '信息公开工作人员',
  admin: '系统管理员',
};

/** A role's Chinese label; a name outside the vocabulary (a newer gateway) is shown as it is. */
export const roleLabel = (role: string): string => ((ROLES as readonly string[]).includes(role) ? ROLE_LABELS[role as Role] : role);
