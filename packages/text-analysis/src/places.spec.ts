import { extractPlaces, placeFactor, removePlaces } from './places.js';

test('provinces, cities and districts in full or short form resolve with their province', () => {
  expect(extractPlaces('山西企业不裁员失业保险返还比例')).toEqual([{ name: '山西省', province: '山西省' }]);
  expect(extractPlaces('广西梧州中小企业')).toEqual([
    { name: '广西壮族自治区', province: '广西壮族自治区' },
    { name: '梧州市', province: '广西壮族自治区' },
  ]);
  expect(extractPlaces('成都市双流区税务局').map((p) => p.name)).toEqual(['成都市', '双流区']);
  expect(extractPlaces('北京市人民政府').map((p) => p.province)).toEqual(['北京市']);
});

test('text without places, and generic words, give nothing', () => {
  expect(extractPlaces('职工一年能休几天年假')).toEqual([]);
  expect(extractPlaces('高新技术企业认定')).toEqual([]);
});

test('placeFactor prefers the asked place, then its province, and demotes other provinces', () => {
  const asked = extractPlaces('梧州中小企业不裁员');
  expect(placeFactor(asked, extractPlaces('广西梧州市对不裁员企业'))).toBe(1.5);
  expect(placeFactor(asked, extractPlaces('广西对不裁员企业'))).toBe(1.25);
  expect(placeFactor(asked, extractPlaces('江西省对不裁员企业'))).toBe(0.4);
  expect(placeFactor(asked, extractPlaces('国家对不裁员企业'))).toBe(1);
  expect(placeFactor([], extractPlaces('江西省'))).toBe(1);
});

test('one-character province abbreviations count after a verb of motion or place, not elsewhere', () => {
  expect(extractPlaces('来津旅游的医务工作者').map((p) => p.name)).toEqual(['天津市']);
  expect(extractPlaces('运输防疫物资入沪').map((p) => p.name)).toEqual(['上海市']);
  // at the start of a sentence before an office or system named by the abbreviation
  expect(extractPlaces('川税网上办有哪些渠道').map((p) => p.name)).toEqual(['四川省']);
  expect(extractPlaces('请问，晋人社能不见面办事吗').map((p) => p.name)).toEqual(['山西省']);
  expect(extractPlaces('疆内异地就医').map((p) => p.name)).toEqual(['新疆维吾尔自治区']);
  expect(extractPlaces('桂花树什么时候开花')).toEqual([]);
  expect(extractPlaces('发放生活津贴')).toEqual([]);
});

test('removePlaces blanks the place names and keeps the rest', () => {
  expect(removePlaces('广西梧州市中小企业不裁员')).toBe('  中小企业不裁员');
  expect(removePlaces('来津旅游的医务工作者')).toBe('来 旅游的医务工作者');
  expect(removePlaces('职工一年能休几天年假')).toBe('职工一年能休几天年假');
});
