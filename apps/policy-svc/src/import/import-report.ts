import type { PolicyImportReport } from '@govdisc/contracts';

export const emptyReport = (): PolicyImportReport => ({
  imported: 0,
  updated: 0,
  unchanged: 0,
  exactDuplicates: [],
  nearDuplicates: [],
  rejected: [],
});

/** A job's report after one more batch: counts and stage times added, lists appended. */
export function mergeReports(a: PolicyImportReport, b: PolicyImportReport): PolicyImportReport {
  const timings = { ...a.timings };
  for (const [k, v] of Object.entries(b.timings ?? {})) timings[k] = (timings[k] ?? 0) + v;
  return {
    imported: a.imported + b.imported,
    updated: a.updated + b.updated,
    unchanged: a.unchanged + b.unchanged,
    exactDuplicates: [...a.exactDuplicates, ...b.exactDuplicates],
    nearDuplicates: [...a.nearDuplicates, ...b.nearDuplicates],
    rejected: [...a.rejected, ...b.rejected],
    timings,
  };
}

export function externalIdOf(record: unknown): string | null {
  const id = (record as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? id.slice(0, 100) : null;
}
