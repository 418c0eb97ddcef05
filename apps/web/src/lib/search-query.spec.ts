import type { GatewayClient } from '@govdisc/api-client';
import { loadSearch, searchHead, searchQuery } from './search-query';

describe('searchQuery', () => {
  it('reads q, type and page; an unknown type is the 全部 tab', () => {
    expect(searchQuery({ q: '  公积金 ', type: 'guide', page: '3' })).toEqual({
      q: '公积金',
      filters: {},
      sort: 'relevance',
      type: 'guide',
      page: 3,
    });
    expect(searchQuery({ q: '公积金', type: 'nonsense', page: '-2' })).toMatchObject({ type: null, page: 1 });
  });

  it('opens the 政策文件 tab for facet filters or the date sort, and keeps only known filters', () => {
    expect(searchQuery({ agency: '市财政局', colour: 'red' })).toMatchObject({ type: 'policy', filters: { agency: '市财政局' } });
    expect(searchQuery({ q: 'x', sort: 'date' })).toMatchObject({ type: 'policy', sort: 'date' });
  });

  it('cuts the query at 200 characters and takes the first of repeated parameters', () => {
    expect(searchQuery({ q: ['a'.repeat(300), 'b'] }).q).toBe('a'.repeat(200));
  });
});

describe('searchHead', () => {
  it('indexes the empty page only; a query goes into title, description and canonical path', () => {
    expect(searchHead('')).toMatchObject({ title: '一键查', canonicalPath: '/search', noindex: false });
    expect(searchHead('租 金')).toMatchObject({
      title: '“租 金”的查询结果',
      canonicalPath: '/search?q=%E7%A7%9F%20%E9%87%91',
      noindex: true,
    });
  });
});

describe('loadSearch', () => {
  const fake = (answers: Record<string, unknown>) => {
    const asked: [string, unknown][] = [];
    const client = {
      GET: (path: string, options: { params: { query: unknown } }) => {
        asked.push([path, options.params.query]);
        return Promise.resolve(answers[path]);
      },
    } as unknown as GatewayClient;
    return { client, asked };
  };

  it('the 政策文件 tab asks unified search for the counts (page 1) and policy search for the page', async () => {
    const { client, asked } = fake({ '/api/v1/search': { data: { counts: {} } }, '/api/v1/policies/search': { data: { total: 0 } } });
    const answer = await loadSearch(client, searchQuery({ q: '贴息', type: 'policy', page: '2', year: '2024' }));
    expect(answer).toEqual({ unified: { counts: {} }, policy: { total: 0 } });
    expect(asked).toEqual([
      ['/api/v1/search', { q: '贴息', type: 'policy', page: 1 }],
      ['/api/v1/policies/search', { q: '贴息', page: 2, pageSize: 10, sort: 'relevance', year: '2024' }],
    ]);
  });

  it('another tab pages unified search (up to page 50); no query asks nothing; an error answer becomes the message', async () => {
    const { client, asked } = fake({ '/api/v1/search': { error: { message: '查询服务繁忙' } } });
    expect(await loadSearch(client, searchQuery({ q: '贴息', type: 'qa', page: '70' }))).toEqual({ error: '查询服务繁忙' });
    expect(asked).toEqual([['/api/v1/search', { q: '贴息', type: 'qa', page: 50 }]]);
    expect(await loadSearch(client, searchQuery({}))).toEqual({});
    expect(asked).toHaveLength(1);
  });
});
