import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { SpanKind, inSpan, tracingEnabled } from '@govdisc/telemetry';

/** The connection pool of one service schema: Prisma's adapter runs on it, and so do SqlReads. */
export function schemaPool(databaseUrl: string, schema: string, max = 10): pg.Pool {
  // search_path makes raw SQL (outbox, inbox) land in the same schema as Prisma's typed queries.
  return new pg.Pool({ connectionString: databaseUrl, max, options: `-c search_path=${schema}` });
}

/** Prisma's pg driver adapter bound to one service schema (no native query engine needed), on the schema's pool. */
export function prismaAdapter(pool: pg.Pool, schema: string): PrismaPg {
  // the pool is Prisma's: $disconnect ends it
  const adapter = new PrismaPg(pool, { schema, disposeExternalPool: true });
  return tracingEnabled() ? traceQueries(adapter, schema) : adapter;
}

/**
 * Statements sent straight to the schema's pool, without Prisma's query compiler: for the few hot reads where
 * compiling each raw query (a WebAssembly call per statement, its values included) cost more CPU than the statement
 * (ADR 0039). Statements stay unnamed, as Prisma sends them: a named one would outlive a migration that changes its
 * columns on every open connection ("cached plan must not change result type"). Rows come as node-postgres types them
 * (timestamptz → Date, int4 and float8 → number, text[] → string[], json → parsed), as Prisma's raw queries give
 * these columns; int8 and numeric would come as strings (Prisma: BigInt, Decimal): cast them in the SQL.
 */
export class SqlReads {
  constructor(
    private readonly pool: pg.Pool,
    private readonly schema: string,
  ) {}

  async rows<R>(text: string, values: unknown[]): Promise<R[]> {
    const run = async () => (await this.pool.query<R & pg.QueryResultRow>(text, values)).rows;
    if (!tracingEnabled()) return run();
    return inSpan(
      spanName(text, this.schema),
      { kind: SpanKind.CLIENT, childOnly: true, attributes: dbAttributes(text, this.schema) },
      run,
    );
  }
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
