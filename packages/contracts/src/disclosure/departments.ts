/**
 * The one registry of departments a disclosure request can be assigned to (承办部门). The identity
 * provider's `department` user attribute (infra/keycloak/realm-govdisc.json) must use these codes;
 * departments.spec.ts checks that, so a department officer's queue and ACCEPT can never disagree.
 */
export const DISCLOSURE_DEPARTMENTS = [
  { code: 'office', name: '市政府办公室' },
  { code: 'finance', name: '市财政局' },
  { code: 'edu', name: '市教育局' },
  { code: 'hrss', name: '市人力资源和社会保障局' },
  { code: 'health', name: '市卫生健康委员会' },
  { code: 'natres', name: '市自然资源和规划局' },
  { code: 'housing', name: '市住房和城乡建设局' },
  { code: 'ecology', name: '市生态环境局' },
  { code: 'transport', name: '市交通运输局' },
  { code: 'market', name: '市市场监督管理局' },
  { code: 'civil', name: '市民政局' },
] as const satisfies ReadonlyArray<{ code: string; name: string }>;

export type DisclosureDepartmentCode = (typeof DISCLOSURE_DEPARTMENTS)[number]['code'];

export function isDisclosureDepartment(code: string): code is DisclosureDepartmentCode {
  return DISCLOSURE_DEPARTMENTS.some((d) => d.code === code);
}

/** "edu（市教育局）、hrss（…）": the valid choices, for error messages people can act on. */
export function departmentChoices(): string {
  return DISCLOSURE_DEPARTMENTS.map((d) => `${d.code}（${d.name}）`).join('、');
}
