import { diffStats, diffVersions } from './version-diff';

test('a changed clause shows as the old and new line with only the changed characters marked', () => {
  const rows = diffVersions(
    '第一条 总则。\n第二条 补贴标准为每月300元。\n第三条 附则。',
    '第一条 总则。\n第二条 补贴标准为每月500元。\n第三条 附则。',
  );
  expect(rows).toEqual([
    { kind: 'same', text: '第一条 总则。' },
    {
      kind: 'removed',
      pieces: [
        { kind: 'same', text: '第二条 补贴标准为每月' },
        { kind: 'removed', text: '3' },
        { kind: 'same', text: '00元。' },
      ],
    },
    {
      kind: 'added',
      pieces: [
        { kind: 'same', text: '第二条 补贴标准为每月' },
        { kind: 'added', text: '5' },
        { kind: 'same', text: '00元。' },
      ],
    },
    { kind: 'same', text: '第三条 附则。' },
  ]);
  expect(diffStats(rows)).toEqual({ added: 1, removed: 1 });
});

test('long unchanged runs fold into a gap; added and removed lines stand whole', () => {
  const body = Array.from({ length: 20 }, (_, i) => `第${i + 1}条 内容${i + 1}。`);
  const rows = diffVersions(body.join('\n'), [...body.slice(0, 10), '新增一条。', ...body.slice(11)].join('\n'));
  expect(rows.filter((r) => r.kind === 'gap')).toEqual([
    { kind: 'gap', lines: 8 },
    { kind: 'gap', lines: 7 },
  ]);
  expect(diffStats(rows)).toEqual({ added: 1, removed: 1 });
  expect(diffVersions('a\nb', 'a\nb\nc')).toEqual([
    { kind: 'same', text: 'a' },
    { kind: 'same', text: 'b' },
    { kind: 'added', pieces: [{ kind: 'added', text: 'c' }] },
  ]);
});

test('identical texts have nothing added or removed', () => {
  expect(diffStats(diffVersions('第一条 同。', '第一条 同。'))).toEqual({ added: 0, removed: 0 });
});
