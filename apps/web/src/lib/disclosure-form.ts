import { APPLICANT_TYPE_ZH, DELIVERY_FORM_ZH, ID_DOCUMENT_TYPE_ZH } from '@govdisc/contracts/disclosure-labels';
import { field } from './site';

/** The disclosure request form's fields, in page order (the error summary lists errors in this order). */
export const FIELDS = [
  'type',
  'name',
  'idType',
  'idNumber',
  'phone',
  'email',
  'address',
  'title',
  'docNumber',
  'description',
  'purpose',
  'deliveryForm',
] as const;
export type Field = (typeof FIELDS)[number];
export type Values = Record<Field, string>;
export type Errors = Partial<Record<Field, string>>;

export const FIELD_LABEL: Record<Field, string> = {
  type: '申请人类型',
  name: '姓名或名称',
  idType: '身份证明类型',
  idNumber: '证件号码',
  phone: '联系电话',
  email: '电子邮箱',
  address: '通信地址',
  title: '所需信息的名称',
  docNumber: '文号',
  description: '所需信息的内容描述',
  purpose: '用途（选填）',
  deliveryForm: '获取信息的方式',
};

const MAX: Partial<Record<Field, number>> = {
  name: 100,
  idNumber: 50,
  address: 200,
  title: 300,
  docNumber: 100,
  description: 5000,
  purpose: 1000,
};
const EMAIL = /^(?:[A-Za-z0-9_'+-]+\.)*[A-Za-z0-9_'+-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;
const has = (labels: Record<string, string>, v: string) => Object.hasOwn(labels, v);

export function valuesOf(form: FormData): Values {
  return Object.fromEntries(FIELDS.map((f) => [f, field(form, f)])) as Values;
}

/** Field-level checks in Chinese, the same rules as the gateway's contract plus what tracking needs (a phone). */
export function validate(v: Values): Errors {
  const e: Errors = {};
  if (!has(APPLICANT_TYPE_ZH, v.type)) e.type = '请选择申请人类型';
  if (!v.name) e.name = '请填写姓名或名称';
  if (!has(ID_DOCUMENT_TYPE_ZH, v.idType)) e.idType = '请选择身份证明类型';
  if (!v.idNumber) e.idNumber = '请填写证件号码';
  else if (v.idType === 'RESIDENT_ID' && !/^\d{17}[\dXx]$/.test(v.idNumber))
    e.idNumber = '居民身份证号码应为 18 位，最后一位可以是数字或 X';
  else if (v.idType === 'CREDIT_CODE' && !/^[0-9A-HJ-NPQRTUWXY]{18}$/i.test(v.idNumber))
    e.idNumber = '统一社会信用代码应为 18 位数字或大写字母';
  if (!v.phone) e.phone = '请填写联系电话，查询进度时需要手机号后四位';
  else if (!/^[0-9+\-\s]{5,20}$/.test(v.phone) || (v.phone.match(/\d/g) ?? []).length < 7)
    e.phone = '联系电话格式不正确，请填写手机号或带区号的座机号';
  if (v.email && !EMAIL.test(v.email)) e.email = '电子邮箱格式不正确，例如 name@example.com';
  if (v.deliveryForm === 'EMAIL' && !v.email) e.email = '选择“电子邮件”方式时，请填写电子邮箱';
  if (v.deliveryForm === 'PAPER' && !v.address) e.address = '选择邮寄纸质文本时，请填写通信地址';
  if (v.description.length < 5)
    e.description = v.description ? '内容描述太短，请至少写 5 个字，说清需要哪些信息' : '请描述您需要的政府信息';
  if (!has(DELIVERY_FORM_ZH, v.deliveryForm)) e.deliveryForm = '请选择获取信息的方式';
  for (const [f, max] of Object.entries(MAX) as [Field, number][])
    if (!e[f] && v[f].length > max) e[f] = `${FIELD_LABEL[f]}不能超过 ${max} 个字`;
  return e;
}

/** The gateway's request body for valid values. */
export function requestBody(v: Values) {
  return {
    applicant: {
      type: v.type as 'NATURAL_PERSON',
      name: v.name,
      idType: v.idType as 'RESIDENT_ID',
      idNumber: v.idNumber,
      phone: v.phone,
      ...(v.email ? { email: v.email } : {}),
      ...(v.address ? { address: v.address } : {}),
    },
    channel: 'ONLINE' as const,
    ...(v.title ? { title: v.title } : {}),
    ...(v.docNumber ? { docNumber: v.docNumber } : {}),
    description: v.description,
    ...(v.purpose ? { purpose: v.purpose } : {}),
    deliveryForm: v.deliveryForm as 'EMAIL',
  };
}

/** The last four digits of a phone number ('' when it has fewer). */
export function last4(phone: string | null | undefined): string {
  const digits = (phone ?? '').replace(/\D/g, '');
  return digits.length >= 4 ? digits.slice(-4) : '';
}
