/** Nothing of any type matched: ways on that do not need a better query. */
export function NoResults({ q, what }: { q: string; what: string }) {
  return (
    <section aria-labelledby="none-h">
      <h2 id="none-h">
        没有找到与“{q}”相关的{what}
      </h2>
      <ul>
        <li>换个说法试试：用更短的词，比如“公积金”代替“住房公积金租房提取怎么办”，或只输入文号中的数字。</li>
        <li>
          直接提问：<a href={`/ask?q=${encodeURIComponent(q)}`}>到“一号答”问一问“{q}”</a>，答案附政策原文出处。
        </li>
        <li>
          按主题浏览：<a href="/#topics-h">主题服务</a>、<a href="/guides">办事指南</a>、<a href="/bundles">一件事一次办</a>
        </li>
        <li>
          找不到需要的政府信息？可以<a href="/disclosure/new">申请政府信息公开</a>。
        </li>
      </ul>
    </section>
  );
}
