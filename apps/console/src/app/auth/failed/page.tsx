import type { Metadata } from 'next';
import { one, type SearchParams } from '../../../lib/site';

export const metadata: Metadata = { title: '登录未完成' };

const REASONS: Record<string, string> = {
  LOGIN_EXPIRED: '登录已超时或在其他窗口完成，请重新登录。',
  LOGIN_DENIED: '登录已取消，请重新登录。',
  LOGIN_FAILED: '登录未能完成，请重新登录；如多次失败，请稍后再试。',
  ISSUER_UNAVAILABLE: '登录服务暂时无法访问，请稍后再试。',
};

export default async function LoginFailed({ searchParams }: { searchParams: SearchParams }) {
  const reason = one((await searchParams).reason);
  return (
    <>
      <h1>登录未完成</h1>
      <p role="alert">{REASONS[reason] ?? REASONS.LOGIN_FAILED}</p>
      <p>
        <a href="/auth/login">重新登录</a>
      </p>
    </>
  );
}
