/** The Pages Router's pages when the gateway cannot be reached (a 503 in the site's chrome; ADR 0034). */
export function UnavailableView() {
  return (
    <>
      <h1>服务暂时不可用</h1>
      <p role="alert">系统正忙或正在维护，请稍后再试。</p>
      <p>
        <a href="/">回到首页</a>
      </p>
    </>
  );
}
