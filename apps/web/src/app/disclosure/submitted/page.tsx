import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import { currentUser } from '../../../lib/auth';

export const metadata: Metadata = { title: '申请已提交', robots: { index: false, follow: false } };

/** The confirmation page: the receipt comes from a short-lived cookie set by the submit action (never in the URL). */
export default async function SubmittedPage() {
  const raw = (await cookies()).get('disclosure_receipt')?.value;
  let receipt: { n: string; c: string } | null;
  try {
    receipt = raw ? (JSON.parse(raw) as { n: string; c: string }) : null;
  } catch {
    receipt = null;
  }
  if (!receipt)
    return (
      <>
        <h1>没有找到提交记录</h1>
        <p>
          本页面只在提交后一小时内显示回执。查询已提交的申请请前往<a href="/disclosure/track">进度查询</a>。
        </p>
      </>
    );
  return (
    <>
      <h1>申请已提交</h1>
      <div className="banner banner-ok" role="status">
        <p className="receipt">
          受理编号：<strong data-testid="request-number">{receipt.n}</strong>
        </p>
        <p className="receipt">
          查询码：<strong data-testid="tracking-code">{receipt.c}</strong>
        </p>
      </div>
      <p>请记下或截图保存查询码。凭查询码和您填写的手机号后四位，可以随时查询办理进度。</p>
      <p>
        <a className="button" href="/disclosure/track">
          查询办理进度
        </a>
      </p>
      {(await currentUser()) && (
        <p>
          本申请已保存在<a href="/me">我的申请</a>中。
        </p>
      )}
    </>
  );
}
