import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { RequestDetails } from '../../../../components/request-details';
import { api } from '../../../../lib/api';
import { loginHref, signedInOrLogin } from '../../../../lib/signed-in';

export const metadata: Metadata = { title: '申请详情', robots: { index: false, follow: false } };

/** One of the signed-in person's requests: timeline, deadlines and the reply. Anyone else's answers 404. */
export default async function MyRequestPage({ params }: { params: Promise<{ number: string }> }) {
  const { number } = await params;
  const here = `/me/requests/${encodeURIComponent(number)}`;
  await signedInOrLogin(here);
  const { data, response } = await (
    await api()
  ).GET('/api/v1/disclosure-requests/mine/{requestNumber}', { params: { path: { requestNumber: number } } });
  if (response.status === 401) redirect(loginHref(here));
  if (response.status === 404 || response.status === 400) notFound();
  if (!data) throw new Error(`my request ${number}: HTTP ${response.status}`);
  return (
    <>
      <p>
        <a href="/me">← 我的申请</a>
      </p>
      <h1>申请 {data.requestNumber}</h1>
      <RequestDetails r={data} />
    </>
  );
}
