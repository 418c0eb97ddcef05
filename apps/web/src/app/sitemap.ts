import type { MetadataRoute } from 'next';
import { plainApi } from '../lib/api';
import { siteUrl } from '../lib/site';

export const dynamic = 'force-dynamic';

/** /sitemap.xml: the fixed pages and every published policy (paged through the public list, at most 50,000 URLs). */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const base = siteUrl();
  const entries: MetadataRoute.Sitemap = ['/', '/search', '/ask', '/disclosure/new', '/disclosure/track'].map((p) => ({
    url: `${base}${p}`,
  }));
  const client = plainApi();
  for (let page = 1; page <= 500 && entries.length < 50_000; page++) {
    const { data } = await client.GET('/api/v1/policies', { params: { query: { page, pageSize: 100, status: 'PUBLISHED' } } });
    if (!data) break;
    for (const p of data.items) entries.push({ url: `${base}/policies/${p.id}`, lastModified: p.publishedAt ?? undefined });
    if (page * data.pageSize >= data.total) break;
  }
  return entries;
}
