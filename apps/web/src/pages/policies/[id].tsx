import type { GetServerSideProps } from 'next';
import { AccountMenuView } from '../../components/account-menu-view';
import { NotFoundView } from '../../components/not-found-view';
import { PageHead } from '../../components/page-head';
import { PolicyView } from '../../components/policy-view';
import { SiteChrome } from '../../components/site-chrome';
import { UnavailableView } from '../../components/unavailable-view';
import { headerAccount, type HeaderAccount } from '../../lib/header-account';
import { pagesApi, pagesGateway } from '../../lib/pages-api';
import { loadPolicyDetail, policyDescription, type PolicyDetail } from '../../lib/policy-detail';
import { readOnlyJar } from '../../lib/request-cookies';
import { one, siteUrl } from '../../lib/site';

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
  const client = pagesApi(req, jar);
  const elder = req.cookies.elder === '1';
  // A gateway that cannot be reached (for the document or the header's unread count) is a 503 page in the site's
  // chrome, not Next's English error page.
  const [account, doc]: [HeaderAccount | null, Props['doc']] = await Promise.all([
    headerAccount(jar, client),
    pagesGateway(req, jar)().then((gateway) => loadPolicyDetail(gateway, one(params?.id))),
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
  return found ? (
    <PageHead title={found.title} description={policyDescription(found)} canonical={`${siteUrl()}/policies/${found.id}`} />
  ) : (
    <PageHead robots={doc === null ? 'noindex' : undefined} />
  );
}

export default function PolicyPage({ elder, account, doc }: Props) {
  return (
    <>
      <PolicyHead doc={doc} />
      <SiteChrome elder={elder} account={<AccountMenuView account={account} />}>
        {doc === 'failed' ? <UnavailableView /> : doc ? <PolicyView doc={doc} /> : <NotFoundView />}
      </SiteChrome>
    </>
  );
}
