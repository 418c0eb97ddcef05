import { PrismaPg } from '@prisma/adapter-pg';

/** Prisma's pg driver adapter bound to one service schema (no native query engine needed). */
export function prismaAdapter(databaseUrl: string, schema: string, max = 10): PrismaPg {
  // search_path makes raw SQL (outbox, inbox) land in the same schema as Prisma's typed queries.
  return new PrismaPg({ connectionString: databaseUrl, max, options: `-c search_path=${schema}` }, { schema });
}

/** Prisma's unique-constraint violation: another row already holds the value (often a concurrent insert). */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'P2002';
}
