/** Page links (a GET link per page, works without JavaScript): first, last and two either side of the current page. */
export function Pager({ page, pages, href }: { page: number; pages: number; href: (page: number) => string }) {
  if (pages <= 1) return null;
  return (
    <nav aria-label="分页" className="pager">
      <ul>
        {page > 1 && (
          <li>
            <a href={href(page - 1)} rel="prev">
              上一页
            </a>
          </li>
        )}
        {Array.from({ length: pages }, (_, i) => i + 1)
          .filter((n) => Math.abs(n - page) <= 2 || n === 1 || n === pages)
          .map((n) => (
            <li key={n}>
              {n === page ? (
                <span aria-current="page">
                  <span className="visually-hidden">第</span>
                  {n}
                  <span className="visually-hidden">页</span>
                </span>
              ) : (
                <a href={href(n)} aria-label={`第 ${n} 页`}>
                  {n}
                </a>
              )}
            </li>
          ))}
        {page < pages && (
          <li>
            <a href={href(page + 1)} rel="next">
              下一页
            </a>
          </li>
        )}
      </ul>
    </nav>
  );
}
