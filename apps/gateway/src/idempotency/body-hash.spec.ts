import { bodyHashOf, canonicalJson } from './body-hash.js';

test('the same body with keys in another order, at any depth, hashes alike', () => {
  const a = { title: '文件', body: '第一条', meta: { agency: '江东市', tags: ['a', 'b'], nested: { x: 1, y: [{ p: 1, q: 2 }] } } };
  const b = { meta: { nested: { y: [{ q: 2, p: 1 }], x: 1 }, tags: ['a', 'b'], agency: '江东市' }, body: '第一条', title: '文件' };
  expect(bodyHashOf(a)).toBe(bodyHashOf(b));
});

test('a different value, array order or type is a different body', () => {
  const base = bodyHashOf({ a: 1, list: [1, 2] });
  expect(bodyHashOf({ a: 2, list: [1, 2] })).not.toBe(base);
  expect(bodyHashOf({ a: 1, list: [2, 1] })).not.toBe(base);
  expect(bodyHashOf({ a: '1', list: [1, 2] })).not.toBe(base);
  expect(bodyHashOf({ a: 1, list: [1, 2], extra: null })).not.toBe(base);
});

test('canonical JSON is plain JSON with sorted keys', () => {
  expect(canonicalJson({ b: 1, a: { d: [3, { f: 1, e: 2 }], c: '"' } })).toBe('{"a":{"c":"\\"","d":[3,{"e":2,"f":1}]},"b":1}');
  expect(canonicalJson(undefined)).toBe('null');
});
