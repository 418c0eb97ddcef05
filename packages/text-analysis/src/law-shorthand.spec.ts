import { createLawShorthandTable, defaultLawShorthand } from './law-shorthand.js';

const table = createLawShorthandTable(
  ['# comment', '网络安全法,网安法', '劳动争议调解仲裁法,劳动仲裁法,劳仲法', '国家情报法,国情法'].join('\n'),
);

test('a shorthand in a query is cut out and named with its full title', () => {
  expect(table.extract('网安法第二十一条')).toEqual({ rest: ' 第二十一条', found: [{ shorthand: '网安法', full: '网络安全法' }] });
  expect(table.extract('违反劳动仲裁法怎么办').found).toEqual([{ shorthand: '劳动仲裁法', full: '劳动争议调解仲裁法' }]);
});

test('法 that goes on into another word is not a shorthand; 法规定 is', () => {
  expect(table.extract('基本国情法律').found).toEqual([]);
  expect(table.extract('网安法规').found).toEqual([]);
  expect(table.extract('网安法院').found).toEqual([]);
  expect(table.extract('网安法规定的义务').found.map((f) => f.full)).toEqual(['网络安全法']);
});

test('the shipped table holds the reviewed hand list and the generated shorthand', () => {
  const found = (q: string) =>
    defaultLawShorthand()
      .extract(q)
      .found.map((f) => f.full);
  expect(found('个保法')).toEqual(['个人信息保护法']);
  expect(found('食安法 电商法')).toEqual(['食品安全法', '电子商务法']);
  expect(found('公积金提取')).toEqual([]);
});
