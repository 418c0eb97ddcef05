import { canonicalAgency, splitAgencies } from './agencies.js';

test('aliases map to the canonical agency name', () => {
  expect(canonicalAgency('人社部')).toBe('人力资源和社会保障部');
  expect(canonicalAgency('税务总局')).toBe('国家税务总局');
  expect(canonicalAgency('江东市人民政府')).toBe('江东市人民政府');
});

test('joint issuers are split and normalised without repeats', () => {
  expect(splitAgencies('财政部、税务总局')).toEqual(['财政部', '国家税务总局']);
  expect(splitAgencies('最高人民法院 最高人民检察院')).toEqual(['最高人民法院', '最高人民检察院']);
  expect(splitAgencies('最高法、最高人民法院')).toEqual(['最高人民法院']);
  expect(splitAgencies(null)).toEqual([]);
});
