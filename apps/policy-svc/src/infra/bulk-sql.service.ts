import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG } from '@govdisc/service-kit';
import type { RawSql } from '@govdisc/messaging';
import pg from 'pg';
import type { AppConfig } from '../config/env.js';

/** A transaction on the bulk connection; `raw` lets the outbox helpers write in it. */
export interface BulkTx {
  query<R extends pg.QueryResultRow = Record<string, unknown>>(sql: string, values?: unknown[]): Promise<pg.QueryResult<R>>;
  raw: RawSql;
}

/**
 * A small `pg` pool beside Prisma, for statements that carry megabytes of text (import batches).
 * Measured: a 40-document multi-row INSERT of ~1.8 MB took 265 ms through Prisma's raw query path
 * (parameters pass through the query compiler's WASM) and 42 ms through `pg`. Typed queries stay on
 * Prisma; only repositories use this.
 */
@Injectable()
export class BulkSql implements OnApplicationShutdown {
  private readonly pool: pg.Pool;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.pool = new pg.Pool({ connectionString: config.DATABASE_URL, max: 2, options: `-c search_path=${config.DB_SCHEMA}` });
  }

  async transaction<T>(fn: (tx: BulkTx) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    const tx: BulkTx = {
      query: (sql, values) => client.query(sql, values),
      raw: {
        $executeRawUnsafe: async (sql, ...values) => (await client.query(sql, values)).rowCount ?? 0,
        $queryRawUnsafe: async <R>(sql: string, ...values: unknown[]) => (await client.query(sql, values)).rows as R,
      },
    };
    try {
      await client.query('BEGIN');
      const result = await fn(tx);
      await client.query('COMMIT');
      client.release();
      return result;
    } catch (error) {
      // A connection whose ROLLBACK failed is closed rather than returned to the pool.
      const ok = await client.query('ROLLBACK').then(
        () => true,
        () => false,
      );
      client.release(ok ? undefined : true);
      throw error;
    }
  }

  async onApplicationShutdown() {
    await this.pool.end();
  }
}
