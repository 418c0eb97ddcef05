import type { Actor, SubmitDisclosureRequestReq, z } from '@govdisc/contracts';

/** A checksum-valid 居民身份证号码 for test applicant `n`. */
export function validId(n: number): string {
  const body = `11010519900307${String(n % 1000).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((acc, w, i) => acc + w * Number(body[i]), 0);
  return body + '10X98765432'[sum % 11];
}

export const gio: Actor = { sub: 'gio-officer', roles: ['disclosure-officer'], department: 'office' };
export const deptOfficer = (department: string): Actor => ({ sub: `dept-${department}`, roles: ['dept-officer'], department });
export const citizen: Actor = { sub: 'citizen-1', roles: ['citizen'] };

export function newRequest(over: Partial<z.input<typeof SubmitDisclosureRequestReq>> & { n?: number } = {}): SubmitDisclosureRequestReq {
  const { n = 1, ...rest } = over;
  return {
    applicant: {
      type: 'NATURAL_PERSON',
      name: '李四',
      idType: 'RESIDENT_ID',
      idNumber: validId(n),
      phone: '13800138000',
      address: '江东市滨江路1号',
    },
    channel: 'ONLINE',
    description: `2025年度财政预算执行情况（申请 ${n}）`,
    deliveryForm: 'EMAIL',
    attachments: [],
    ...rest,
  };
}
