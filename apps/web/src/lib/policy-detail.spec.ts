import { policyDescription, type PolicyDetail } from './policy-detail';

const doc = (over: Partial<PolicyDetail>) =>
  ({
    docNumber: '粤府〔2024〕1号',
    agencies: ['广东省人民政府', '省财政厅'],
    validity: '有效',
    paragraphs: [
      { kind: 'chapter', text: '第一章 总则', anchor: 'c1' },
      { kind: 'article', text: `第一条 ${'为'.repeat(120)}`, anchor: 'a1' },
    ],
    ...over,
  }) as PolicyDetail;

describe('policyDescription', () => {
  it('names number, agencies and validity, then the first 100 characters of the first text or article', () => {
    expect(policyDescription(doc({}))).toBe(`粤府〔2024〕1号，广东省人民政府、省财政厅，现行有效。第一条 ${'为'.repeat(96)}`);
  });

  it('leaves out a missing number and works without any text paragraph', () => {
    expect(policyDescription(doc({ docNumber: null, paragraphs: [] }))).toBe('广东省人民政府、省财政厅，现行有效。');
  });
});
