import type { Metadata, Viewport } from 'next';
import { cookies } from 'next/headers';
import type { ReactNode } from 'react';
import { AccountMenu } from '../components/account-menu';
import { SiteChrome } from '../components/site-chrome';
import { SITE_NAME, siteUrl } from '../lib/site';
import { ICONS, MANIFEST, SITE_DESCRIPTION, THEME_COLOR } from '../lib/site-meta';
import './globals.css';

export const metadata: Metadata = {
  metadataBase: new URL(siteUrl()),
  title: { default: SITE_NAME, template: `%s · ${SITE_NAME}` },
  description: SITE_DESCRIPTION,
  applicationName: SITE_NAME,
  manifest: MANIFEST,
  icons: ICONS,
  formatDetection: { telephone: false },
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: THEME_COLOR };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const elder = (await cookies()).get('elder')?.value === '1';
  return (
    <html lang="zh-CN" className={elder ? 'elder' : undefined}>
      <body>
        <SiteChrome elder={elder} account={<AccountMenu />}>
          {children}
        </SiteChrome>
      </body>
    </html>
  );
}
