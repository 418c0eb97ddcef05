import type { AppProps } from 'next/app';
import '../app/globals.css';

/** The Pages Router's app (the policy and search pages, ADR 0034, 0035): the portal's one stylesheet, nothing else. */
export default function PortalApp({ Component, pageProps }: AppProps) {
  return <Component {...pageProps} />;
}
