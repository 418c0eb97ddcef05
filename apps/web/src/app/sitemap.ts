import type { MetadataRoute } from 'next';
import { plainApi } from '../lib/api';
import { siteUrl } from '../lib/site';

export const dynamic = 'force-dynamic';

/** /sitemap.xml: the fixed pages, the topic services, every published policy, service guide and 一件事 (paged through the public lists, at most 50,000 URLs). */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const base = siteUrl();
  const entries: MetadataRoute.Sitemap = [
    '/',
    '/search',
    '/ask',
    '/bundles',
    '/guides',
    '/sites',
    '/disclosure/new',
    '/disclosure/track',
  ].map((p) => ({
    url: `${base}${p}`,
  }));
  const client = plainApi();
  const topics = await client.GET('/api/v1/topics').catch(() => ({ data: undefined }));
  for (const t of topics.data?.items ?? []) entries.push({ url: `${base}/topics/${t.code}` });
  for (let page = 1; page <= 500 && entries.length < 50_000; page++) {
    const { data } = await client.GET('/api/v1/policies', { params: { query: { page, pageSize: 100, status: 'PUBLISHED' } } });
    if (!data) break;
    for (const p of data.items) entries.push({ url: `${base}/policies/${p.id}`, lastModified: p.publishedAt ?? undefined });
    if (page * data.pageSize >= data.total) break;
  }
  // The public lists hold published guides and bundles only.
  for (let page = 1; page <= 500 && entries.length < 50_000; page++) {
    const { data } = await client.GET('/api/v1/bundles', { params: { query: { page, pageSize: 100 } } });
    if (!data) break;
    for (const b of data.items) entries.push({ url: `${base}/bundles/${encodeURIComponent(b.code)}`, lastModified: b.updatedAt });
    if (page * data.pageSize >= data.total) break;
  }
  for (let page = 1; page <= 500 && entries.length < 50_000; page++) {
    const { data } = await client.GET('/api/v1/guides', { params: { query: { page, pageSize: 100 } } });
    if (!data) break;
    for (const g of data.items) entries.push({ url: `${base}/guides/${encodeURIComponent(g.code)}`, lastModified: g.updatedAt });
    if (page * data.pageSize >= data.total) break;
  }
  return entries.slice(0, 50_000);
}
