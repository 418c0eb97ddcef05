/** The site-wide head values: the App Router's root metadata and the Pages Router's policy page (ADR 0034) use them. */
export const SITE_DESCRIPTION = '查政策、问答案、找办事指南、申请政府信息公开：一站式政务公开服务。';
export const THEME_COLOR = '#9f1d15';
export const MANIFEST = '/manifest.webmanifest';
export const ICONS = {
  icon: [
    { url: '/icon.svg', type: 'image/svg+xml' },
    { url: '/icon-192.png', sizes: '192x192' },
  ],
  apple: '/icon-192.png',
};
