'use client';

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <>
      <h1>服务暂时不可用</h1>
      <p role="alert">系统正忙或正在维护，请稍后再试。</p>
      <p>
        <button type="button" onClick={reset}>
          重试
        </button>{' '}
        <a href="/">回到首页</a>
      </p>
    </>
  );
}
