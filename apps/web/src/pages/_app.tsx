import type { AppProps } from 'next/app';
import '../app/globals.css';

/** The Pages Router's app (the policy page, ADR 0034): the portal's one stylesheet, nothing else. */
export default function PortalApp({ Component, pageProps }: AppProps) {
  return <Component {...pageProps} />;
}
