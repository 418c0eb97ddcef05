import { ActOnDisclosureRequestReq, SubmitDisclosureRequestReq, idNumberProblem } from '@govdisc/contracts';
import { validId } from '../../../test/factories.js';

test('ID numbers: format, birth date and checksum are checked', () => {
  expect(idNumberProblem('11010519491231002X')).toBeNull();
  expect(idNumberProblem('11010519491231002x')).toBeNull();
  expect(idNumberProblem(validId(5))).toBeNull();
  expect(idNumberProblem('110105194912310021')).toContain('校验位');
  expect(idNumberProblem('11010519491331002X')).toContain('出生日期');
  expect(idNumberProblem('1101051949123100')).toContain('18位');
});

test('organisations must give a credit code, persons an ID document', () => {
  const base = { name: '某公司', idNumber: '11010519491231002X', phone: '010-12345678' };
  const parse = (applicant: object) =>
    SubmitDisclosureRequestReq.safeParse({ applicant, description: '江政发〔2024〕3号文件', deliveryForm: 'PAPER' });
  expect(parse({ ...base, type: 'COMMERCIAL_ENTERPRISE', idType: 'RESIDENT_ID' }).success).toBe(false);
  expect(parse({ ...base, type: 'COMMERCIAL_ENTERPRISE', idType: 'CREDIT_CODE', idNumber: '91320100MA1AAAAA0Y' }).success).toBe(true);
  expect(parse({ ...base, type: 'NATURAL_PERSON', idType: 'RESIDENT_ID' }).success).toBe(true); // no purpose needed since 2019
});

test('§11.25 a fee notice has exactly one basis', () => {
  const fee = (basis: object) =>
    ActOnDisclosureRequestReq.safeParse({ requestNumber: '2026-000001', action: { type: 'ISSUE_FEE_NOTICE', basis } }).success;
  expect(fee({ type: 'PER_ITEM' })).toBe(true);
  expect(fee({ type: 'PER_VOLUME', pages: 120 })).toBe(true);
  expect(fee({ type: 'PER_ITEM', pages: 120 })).toBe(false);
  expect(fee({ type: 'BOTH' })).toBe(false);
});
