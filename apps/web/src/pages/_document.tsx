import { Head, Html, Main, NextScript, type DocumentProps } from 'next/document';

/**
 * The Pages Router's document, for the policy and search pages (ADR 0034, 0035): `<html lang>` with 长辈版's class
 * from the page's props, like the App Router's root layout.
 */
export default function Document({ __NEXT_DATA__ }: DocumentProps) {
  const elder = (__NEXT_DATA__.props as { pageProps?: { elder?: boolean } }).pageProps?.elder === true;
  return (
    <Html lang="zh-CN" className={elder ? 'elder' : undefined}>
      <Head />
      <body>
        <Main />
        <NextScript />
      </body>
    </Html>
  );
}
