/** The two calls of a Prisma model delegate that a paged list needs. */
interface PageableDelegate<T, Where, OrderBy> {
  findMany(args: { where?: Where; orderBy?: OrderBy; skip?: number; take?: number }): Promise<T[]>;
  count(args: { where?: Where }): Promise<number>;
}

/** One page of rows plus the total, for every `list` endpoint. */
export async function findPage<T, Where, OrderBy>(
  delegate: PageableDelegate<T, Where, OrderBy>,
  query: { where?: Where; orderBy: OrderBy; page: number; pageSize: number },
): Promise<{ items: T[]; total: number }> {
  const [items, total] = await Promise.all([
    delegate.findMany({
      where: query.where,
      orderBy: query.orderBy,
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    }),
    delegate.count({ where: query.where }),
  ]);
  return { items, total };
}

/** The wire shape of a page: mapped items plus the paging the caller asked for. */
export function pageView<T, V>(result: { items: T[]; total: number }, query: { page: number; pageSize: number }, toView: (item: T) => V) {
  return { items: result.items.map(toView), total: result.total, page: query.page, pageSize: query.pageSize };
}
