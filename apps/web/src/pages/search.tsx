import type { GetServerSideProps } from 'next';
import { AccountMenuView } from '../components/account-menu-view';
import { PageHead } from '../components/page-head';
import { SearchView } from '../components/search/search-view';
import { SiteChrome } from '../components/site-chrome';
import { UnavailableView } from '../components/unavailable-view';
import { headerAccount, type HeaderAccount } from '../lib/header-account';
import { pagesApi } from '../lib/pages-api';
import { readOnlyJar } from '../lib/request-cookies';
import { loadSearch, type SearchAnswer, searchHead, type SearchQuery, searchQuery } from '../lib/search-query';
import { siteUrl } from '../lib/site';

/**
 * 一键查 in the Pages Router without React on the client (ADR 0035, like the policy page, ADR 0034): the same
 * markup as before (SiteChrome, SearchView) without the App Router's RSC render and payload. The search box's
 * suggestions are a progressive enhancement by one small static script, public/search-suggest.js.
 */
export const config = { unstable_runtimeJS: false };

type Props = {
  elder: boolean;
  account: HeaderAccount | null;
  query: SearchQuery;
  /** 'failed': the gateway could not be asked (503). */
  answer: SearchAnswer | 'failed';
};

export const getServerSideProps: GetServerSideProps<Props> = async ({ req, res, query: params }) => {
  const jar = readOnlyJar(req.cookies);
  const client = pagesApi(req, jar);
  const query = searchQuery(params);
  const [account, answer]: [HeaderAccount | null, Props['answer']] = await Promise.all([
    headerAccount(jar, client),
    client().then((c) => loadSearch(c, query)),
  ]).catch((error: unknown) => {
    console.error(JSON.stringify({ level: 'error', app: 'web', msg: 'search page failed', error: String(error) }));
    return [null, 'failed'];
  });
  // as the App Router answered: never cached (a page carries the header's session part)
  res.setHeader('Cache-Control', 'private, no-cache, no-store, max-age=0, must-revalidate');
  if (answer === 'failed') res.statusCode = 503;
  return { props: { elder: req.cookies.elder === '1', account, query, answer } };
};

export default function SearchPage({ elder, account, query, answer }: Props) {
  const head = searchHead(query.q);
  return (
    <>
      <PageHead
        title={head.title}
        description={head.description}
        canonical={`${siteUrl()}${head.canonicalPath}`}
        robots={head.noindex ? 'noindex, follow' : undefined}
      >
        {/* the search box's suggestions (a datalist filled from /api/suggest); the page works without it */}
        <script src="/search-suggest.js" defer />
      </PageHead>
      <SiteChrome elder={elder} account={<AccountMenuView account={account} />}>
        {answer === 'failed' ? <UnavailableView /> : <SearchView query={query} answer={answer} />}
      </SiteChrome>
    </>
  );
}
