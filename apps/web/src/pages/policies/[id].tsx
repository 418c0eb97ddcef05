import type { GetServerSideProps } from 'next';
import Head from 'next/head';
import { gatewayClient } from '@govdisc/api-client';
import { AccountMenuView } from '../../components/account-menu-view';
import { NotFoundView } from '../../components/not-found-view';
import { PolicyView } from '../../components/policy-view';
import { SiteChrome } from '../../components/site-chrome';
import { headerAccount, type HeaderAccount } from '../../lib/header-account';
import { webAuth } from '../../lib/portal-auth';
import { loadPolicyDetail, policyDescription, type PolicyDetail } from '../../lib/policy-detail';
import { readOnlyJar } from '../../lib/request-cookies';
import { SITE_NAME, gatewayUrl, one, siteUrl } from '../../lib/site';
import { ICONS, MANIFEST, SITE_DESCRIPTION, THEME_COLOR } from '../../lib/site-meta';

/**
 * The policy page in the Pages Router with no client JavaScript (ADR 0034): the same markup as the App Router's
 * pages (SiteChrome, PolicyView) but no RSC render and no RSC payload, which cost the portal most of its CPU per
 * page. The page has nothing interactive: links, a GET-less reading page, and the header's POST forms.
 */
export const config = { unstable_runtimeJS: false };

type Props = {
  elder: boolean;
  account: HeaderAccount | null;
  /** null: not found (404); 'failed': the gateway could not be asked (503). */
  doc: PolicyDetail | null | 'failed';
};

export const getServerSideProps: GetServerSideProps<Props> = async ({ req, res, params }) => {
  const jar = readOnlyJar(req.cookies);
  // like lib/api.ts: the citizen's address along (serve.mjs appended the peer), their token when signed in
  const client = async () =>
    gatewayClient({
      baseUrl: gatewayUrl(),
      token: await webAuth().accessToken(jar),
      forwardedFor: one(req.headers['x-forwarded-for']) || null,
    });
  const elder = req.cookies.elder === '1';
  // A gateway that cannot be reached (for the document or the header's unread count) is a 503 page in the site's
  // chrome, not Next's English error page.
  const [account, doc]: [HeaderAccount | null, Props['doc']] = await Promise.all([
    headerAccount(jar, client),
    client().then((c) => loadPolicyDetail(c, one(params?.id))),
  ]).catch((error: unknown) => {
    console.error(JSON.stringify({ level: 'error', app: 'web', msg: 'policy page failed', error: String(error) }));
    return [null, 'failed'];
  });
  // as the App Router answers: never cached (a page carries the header's session part)
  res.setHeader('Cache-Control', 'private, no-cache, no-store, max-age=0, must-revalidate');
  if (doc === null) res.statusCode = 404;
  if (doc === 'failed') res.statusCode = 503;
  return { props: { elder, account, doc } };
};

/** The head the App Router gave this page; a page without a document (404, 503) gets the site's title and description. */
function PolicyHead({ doc }: { doc: Props['doc'] }) {
  const found = doc && doc !== 'failed' ? doc : null;
  return (
    <Head>
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      {doc === null && <meta name="robots" content="noindex" />}
      <meta name="theme-color" content={THEME_COLOR} />
      <title>{found ? `${found.title} · ${SITE_NAME}` : SITE_NAME}</title>
      <meta name="description" content={found ? policyDescription(found) : SITE_DESCRIPTION} />
      <meta name="application-name" content={SITE_NAME} />
      <link rel="manifest" href={MANIFEST} />
      {found && <link rel="canonical" href={`${siteUrl()}/policies/${found.id}`} />}
      <meta name="format-detection" content="telephone=no" />
      {ICONS.icon.map((icon) => (
        <link key={icon.url} rel="icon" href={icon.url} type={icon.type} sizes={icon.sizes} />
      ))}
      <link rel="apple-touch-icon" href={ICONS.apple} />
    </Head>
  );
}

export default function PolicyPage({ elder, account, doc }: Props) {
  return (
    <>
      <PolicyHead doc={doc} />
      <SiteChrome elder={elder} account={<AccountMenuView account={account} />}>
        {doc === 'failed' ? (
          <>
            <h1>服务暂时不可用</h1>
            <p role="alert">系统正忙或正在维护，请稍后再试。</p>
            <p>
              <a href="/">回到首页</a>
            </p>
          </>
        ) : doc ? (
          <PolicyView doc={doc} />
        ) : (
          <NotFoundView />
        )}
      </SiteChrome>
    </>
  );
}
