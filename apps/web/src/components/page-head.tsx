import Head from 'next/head';
import type { ReactNode } from 'react';
import { SITE_NAME } from '../lib/site';
import { ICONS, MANIFEST, SITE_DESCRIPTION, THEME_COLOR } from '../lib/site-meta';

/**
 * The head the App Router's root metadata gives a page, for the Pages Router's pages (ADR 0034, 0035): `title`
 * gets the site's name after it (the site's name alone when absent), the description defaults to the site's.
 */
export function PageHead({
  title,
  description = SITE_DESCRIPTION,
  canonical,
  robots,
  children,
}: {
  title?: string;
  description?: string;
  canonical?: string;
  robots?: string;
  children?: ReactNode;
}) {
  return (
    <Head>
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      {robots && <meta name="robots" content={robots} />}
      <meta name="theme-color" content={THEME_COLOR} />
      <title>{title ? `${title} · ${SITE_NAME}` : SITE_NAME}</title>
      <meta name="description" content={description} />
      <meta name="application-name" content={SITE_NAME} />
      <link rel="manifest" href={MANIFEST} />
      {canonical && <link rel="canonical" href={canonical} />}
      <meta name="format-detection" content="telephone=no" />
      {ICONS.icon.map((icon) => (
        <link key={icon.url} rel="icon" href={icon.url} type={icon.type} sizes={icon.sizes} />
      ))}
      <link rel="apple-touch-icon" href={ICONS.apple} />
      {children}
    </Head>
  );
}
