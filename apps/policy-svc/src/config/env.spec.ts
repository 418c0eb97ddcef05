import { readEnvExample } from '@govdisc/testing';
import { fileURLToPath } from 'node:url';
import { Env, loadAppConfig } from './env.js';

const example = readEnvExample(fileURLToPath(new URL('../../.env.example', import.meta.url)));

test('.env.example lists every variable and passes validation', () => {
  expect(Object.keys(example).sort()).toEqual(Object.keys(Env.shape).sort());
  expect(loadAppConfig(example).HTTP_PORT).toBe(3101);
});

test('a wrong value stops start-up naming the variable', () => {
  expect(() => loadAppConfig({ ...example, HTTP_PORT: 'not-a-port' })).toThrow(/HTTP_PORT/);
});

test('external libraries: unset = the State Council library, [] = none, a template without {q} or bad JSON stops start-up', () => {
  expect(loadAppConfig(example).SEARCH_EXTERNAL_LIBRARIES).toEqual([expect.objectContaining({ name: '国务院政策文件库' })]);
  expect(loadAppConfig({ ...example, SEARCH_EXTERNAL_LIBRARIES: '[]' }).SEARCH_EXTERNAL_LIBRARIES).toEqual([]);
  const own = [{ name: '省政策库', urlTemplate: 'https://zc.example.gov.cn/search?kw={q}' }];
  expect(loadAppConfig({ ...example, SEARCH_EXTERNAL_LIBRARIES: JSON.stringify(own) }).SEARCH_EXTERNAL_LIBRARIES).toEqual(own);
  for (const bad of [
    'not json',
    '[{"name":"x","urlTemplate":"https://x.example/search"}]',
    '[{"name":"x","urlTemplate":"javascript:{q}"}]',
  ]) {
    expect(() => loadAppConfig({ ...example, SEARCH_EXTERNAL_LIBRARIES: bad })).toThrow(/SEARCH_EXTERNAL_LIBRARIES/);
  }
});

test('home region: empty = none, a Chinese place name is kept, anything else stops start-up', () => {
  expect(loadAppConfig(example).SEARCH_HOME_REGION).toBeNull();
  expect(loadAppConfig({ ...example, SEARCH_HOME_REGION: '浙江省杭州市' }).SEARCH_HOME_REGION).toBe('浙江省杭州市');
  expect(() => loadAppConfig({ ...example, SEARCH_HOME_REGION: 'hangzhou' })).toThrow(/SEARCH_HOME_REGION/);
});
