import { z } from 'zod';

/** Who is acting, as the gateway established it from the bearer token (or anonymous). */
export const Actor = z.object({
  sub: z.string().min(1).max(200),
  roles: z.array(z.string().max(100)).max(50),
  department: z.string().max(100).nullable().optional(),
});
export type Actor = z.infer<typeof Actor>;

export const ANONYMOUS: Actor = { sub: 'anonymous', roles: [] };

export const Page = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type Page = z.infer<typeof Page>;

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int().nonnegative(),
    page: z.number().int().positive(),
    pageSize: z.number().int().positive(),
  });
}

export const Uuid = z.uuid();
export const IsoDate = z.iso.date();
export const IsoDateTime = z.iso.datetime({ offset: true });

export const ServiceHealth = z.object({
  service: z.string(),
  status: z.enum(['up', 'down']),
  checks: z.record(z.string(), z.enum(['up', 'down'])),
});
export type ServiceHealth = z.infer<typeof ServiceHealth>;
