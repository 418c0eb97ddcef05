import { one } from './site';

export const DEFAULT_AGENCY = '江东市人民政府';

/** The year and agency of the Table 3 report from the query (this year and the city government by default). */
export function reportQuery(params: Record<string, string | string[] | undefined>): { year: number; agency: string } {
  const year = Number(one(params.year));
  return {
    year: Number.isInteger(year) && year >= 2008 && year <= 2100 ? year : new Date().getFullYear(),
    agency: one(params.agency) || DEFAULT_AGENCY,
  };
}
