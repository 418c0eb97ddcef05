import { csvResponse, toCsv } from './csv';

test('cells with commas, quotes or line breaks are quoted; empty values stay empty', () => {
  expect(
    toCsv([
      ['查询词', '次数'],
      ['公积金,提取', 3],
      ['他说"好"', null],
      ['两行\n文字', 0],
    ]),
  ).toBe('查询词,次数\r\n"公积金,提取",3\r\n"他说""好""",\r\n"两行\n文字",0\r\n');
});

test('a download starts with one byte-order mark so Excel reads UTF-8, and carries the Chinese file name', async () => {
  const res = csvResponse('检索分析.csv', 'a,b\r\n');
  const bytes = new Uint8Array(await res.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(new TextDecoder().decode(bytes.slice(3))).toBe('a,b\r\n');
  expect(res.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('检索分析.csv')}`);
  const again = new Uint8Array(await csvResponse('x.csv', '\uFEFFa\r\n').arrayBuffer());
  expect([...again.slice(0, 6)]).toEqual([0xef, 0xbb, 0xbf, 0x61, 0x0d, 0x0a]);
});
