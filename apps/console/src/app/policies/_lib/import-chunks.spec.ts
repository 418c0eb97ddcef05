import { chunksOf, formatOf } from './import-chunks';

test('JSONL is cut every N lines, numbered in the whole file', () => {
  const text = ['{"a":1}', '{"a":2}', '{"a":3}', '{"a":4}', '{"a":5}'].join('\n') + '\n';
  expect(chunksOf('jsonl', text, { records: 2 })).toEqual([
    { content: '{"a":1}\n{"a":2}', firstLine: 1, lastLine: 2 },
    { content: '{"a":3}\n{"a":4}', firstLine: 3, lastLine: 4 },
    { content: '{"a":5}', firstLine: 5, lastLine: 5 },
  ]);
});

test('CSV is cut between records only, a quoted field spanning lines stays whole; later chunks repeat the header', () => {
  const text = 'id,标题,正文\n1,甲,"第一条\n第二条"\n2,乙,正文\n3,丙,"引号""内"""\n';
  const chunks = chunksOf('csv', text, { records: 1 });
  expect(chunks).toEqual([
    { content: 'id,标题,正文\n1,甲,"第一条\n第二条"', firstLine: 1, lastLine: 3 },
    { content: '2,乙,正文', firstLine: 4, lastLine: 4, header: 'id,标题,正文' },
    { content: '3,丙,"引号""内"""', firstLine: 5, lastLine: 5, header: 'id,标题,正文' },
  ]);
});

test('an HTML page is one chunk; the format comes from the file name', () => {
  expect(chunksOf('html', '<html>\n<body>x</body>\n</html>')).toHaveLength(1);
  expect([formatOf('a.JSONL'), formatOf('b.csv'), formatOf('c.htm'), formatOf('d.txt')]).toEqual(['jsonl', 'csv', 'html', null]);
});
