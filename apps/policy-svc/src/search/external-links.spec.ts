import { DEFAULT_EXTERNAL_LIBRARIES } from '../config/env.js';
import { externalLinks } from './external-links.js';

test('external links put the URL-encoded query into every template', () => {
  const [link] = externalLinks(DEFAULT_EXTERNAL_LIBRARIES, '公积金 提取&a=1');
  expect(link).toEqual({
    name: '国务院政策文件库',
    url: 'https://sousuo.www.gov.cn/zcwjk/policyDocumentLibrary?t=zhengcelibrary&q=%E5%85%AC%E7%A7%AF%E9%87%91%20%E6%8F%90%E5%8F%96%26a%3D1',
  });
  expect(externalLinks([{ name: '两处', urlTemplate: 'https://x.example/{q}?again={q}' }], 'a b')[0]!.url).toBe(
    'https://x.example/a%20b?again=a%20b',
  );
});
