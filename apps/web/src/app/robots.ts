import type { MetadataRoute } from 'next';
import { siteUrl } from '../lib/site';

export const dynamic = 'force-dynamic';

/** /robots.txt: everything public may be indexed except form results; the sitemap lists the policies. */
export default function robots(): MetadataRoute.Robots {
  return {
    rules: { userAgent: '*', allow: '/', disallow: ['/disclosure/submitted', '/api/', '/elder'] },
    sitemap: `${siteUrl()}/sitemap.xml`,
  };
}
