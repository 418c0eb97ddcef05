import type { MetadataRoute } from 'next';
import { SITE_NAME } from '../lib/site';

export default function manifest(): MetadataRoute.Manifest {
  return {
    name: SITE_NAME,
    short_name: '政务公开',
    description: '查政策、问答案、找办事指南、申请政府信息公开',
    lang: 'zh-CN',
    start_url: '/',
    display: 'standalone',
    background_color: '#ffffff',
    theme_color: '#9f1d15',
    icons: [
      { src: '/icon.svg', sizes: 'any', type: 'image/svg+xml' },
      { src: '/icon-192.png', sizes: '192x192', type: 'image/png' },
      { src: '/icon-512.png', sizes: '512x512', type: 'image/png' },
    ],
  };
}
