import { PrismaPg } from '@prisma/adapter-pg';
import { SpanKind, inSpan, tracingEnabled } from '@govdisc/telemetry';

/** Prisma's pg driver adapter bound to one service schema (no native query engine needed). */
export function prismaAdapter(databaseUrl: string, schema: string, max = 10): PrismaPg {
  // search_path makes raw SQL (outbox, inbox) land in the same schema as Prisma's typed queries.
  const adapter = new PrismaPg({ connectionString: databaseUrl, max, options: `-c search_path=${schema}` }, { schema });
  return tracingEnabled() ? traceQueries(adapter, schema) : adapter;
}

/** Prisma's unique-constraint violation: another row already holds the value (often a concurrent insert). */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'P2002';
}

/** What Prisma's driver adapters run SQL with (its SqlQueryable): the adapter itself and each transaction. */
interface Queryable {
  queryRaw(query: { sql: string }): Promise<unknown>;
  executeRaw(query: { sql: string }): Promise<unknown>;
  startTransaction?(isolationLevel?: unknown): Promise<Queryable>;
}

/**
 * One client span per SQL statement inside a trace (`db.query.text` is the parameterised SQL: values never leave),
 * wrapped at Prisma's driver adapter: the query compiler runs in this process, so the statement's span is a child of
 * the handler that asked for it. Outside a trace (outbox polling, caches kept warm) no span is made.
 */
function traceQueries(factory: PrismaPg, schema: string): PrismaPg {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => traced((await connect()) as unknown as Queryable, schema) as never;
  return factory;
}

function traced<Q extends Queryable>(q: Q, schema: string): Q {
  const run = (method: 'queryRaw' | 'executeRaw') => {
    const original = q[method].bind(q);
    return (query: { sql: string }) =>
      inSpan(spanName(query.sql, schema), { kind: SpanKind.CLIENT, childOnly: true, attributes: dbAttributes(query.sql, schema) }, () =>
        original(query),
      );
  };
  q.queryRaw = run('queryRaw');
  q.executeRaw = run('executeRaw');
  if (q.startTransaction) {
    const start = q.startTransaction.bind(q);
    q.startTransaction = async (isolationLevel?: unknown) => traced(await start(isolationLevel), schema);
  }
  return q;
}

/** `SELECT policy`, `INSERT policy`, `BEGIN policy`: the statement's verb and the service's schema (low cardinality). */
function spanName(sql: string, schema: string): string {
  return `${/^\s*([A-Za-z]+)/.exec(sql)?.[1]?.toUpperCase() ?? 'SQL'} ${schema}`;
}

function dbAttributes(sql: string, schema: string) {
  return { 'db.system.name': 'postgresql', 'db.namespace': schema, 'db.query.text': sql.length > 2_000 ? `${sql.slice(0, 2_000)}…` : sql };
}
