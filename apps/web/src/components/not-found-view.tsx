/** 没有找到这个页面 with ways on: the App Router's not-found page and the Pages Router's policy page share it. */
export function NotFoundView() {
  return (
    <>
      <h1>没有找到这个页面</h1>
      <p>页面可能已经移动，或者地址有误。</p>
      <ul>
        <li>
          <a href="/search">查找政策文件</a>
        </li>
        <li>
          <a href="/ask">到“一号答”提问</a>
        </li>
        <li>
          <a href="/">回到首页</a>
        </li>
      </ul>
    </>
  );
}
