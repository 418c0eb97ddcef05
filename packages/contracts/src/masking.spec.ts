import { MASKED_ID_NUMBER, MASKED_PHONE, maskPersonalNumbers } from './masking.js';

test.each([
  ['11010519491231002X', MASKED_ID_NUMBER],
  ['我的身份证11010519491231002x怎么查', `我的身份证${MASKED_ID_NUMBER}怎么查`],
  ['440301200001011234 公积金', `${MASKED_ID_NUMBER} 公积金`],
  ['13812345678', MASKED_PHONE],
  ['电话13812345678补贴', `电话${MASKED_PHONE}补贴`],
  ['138 1234 5678', MASKED_PHONE],
  ['138-1234-5678', MASKED_PHONE],
  ['+86 13812345678', MASKED_PHONE],
  ['8613812345678', MASKED_PHONE],
  ['a=13812345678&b=11010519491231002X', `a=${MASKED_PHONE}&b=${MASKED_ID_NUMBER}`],
])('masks %s', (input, expected) => {
  expect(maskPersonalNumbers(input)).toBe(expected);
});

test.each([
  '江东府发〔2023〕12号',
  '2023年第12号公告',
  '2023 2024 2025',
  '20230101 政策',
  '补贴金额 1500 元',
  '12345678901', // 11 digits, not a mobile prefix
  '138123456789', // 12 digits: not a phone number
  '1101051949123100211', // 19 digits: not an ID number
  '110105194913310021', // month 13: not an ID number
  'ABC13812345678', // part of a longer code
  '91350100M000100Y43', // 统一社会信用代码 (an organisation, not a person)
])('leaves %s alone', (input) => {
  expect(maskPersonalNumbers(input)).toBe(input);
});
