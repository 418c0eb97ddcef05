import { UpsertGuideMatterReq } from '@govdisc/contracts';
import { materialKey, mergeMaterials } from './merge-materials.js';

const matter = (code: string, materials: unknown[]) => ({
  ...UpsertGuideMatterReq.parse({ code, name: `事项${code}`, department: 'y', materials }),
});

test('names that mean the same document share a key; different documents do not', () => {
  expect(materialKey('申请人居民身份证')).toBe(materialKey('身份证'));
  expect(materialKey('营业执照（副本）')).toBe(materialKey('营业执照'));
  expect(materialKey('《食品经营许可申请书》')).toBe(materialKey('食品经营许可申请书'));
  expect(materialKey('ＡＢＣ 证明')).toBe(materialKey('abc证明'));
  expect(materialKey('户口簿')).not.toBe(materialKey('身份证'));
});

test('a shared material is listed once with every matter needing it; conditions stay while nobody requires it', () => {
  const merged = mergeMaterials([
    matter('A', [
      { name: '居民身份证', form: '电子', exemptedBySharedData: true },
      { name: '租赁合同', required: false, condition: '租房的' },
    ]),
    matter('B', [
      { name: '身份证', form: '纸质', copies: 2, exemptedBySharedData: true },
      { name: '租赁合同', required: false, condition: '借住的' },
    ]),
    matter('C', [{ name: '身份证', exemptedBySharedData: false }]),
  ]);
  expect(merged).toEqual([
    expect.objectContaining({
      name: '居民身份证',
      form: '纸质或电子',
      copies: 2,
      required: true,
      exemptedBySharedData: false,
      neededBy: ['A', 'B', 'C'].map((code) => ({ code, name: `事项${code}` })),
    }),
    expect.objectContaining({ name: '租赁合同', required: false, conditions: ['租房的', '借住的'] }),
  ]);
});
