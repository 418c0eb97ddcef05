import { FACET_FIELDS, type FacetField } from '../types.js';
import { FacetColumns } from './facet-columns.js';

const facets = (values: Partial<Record<FacetField, string[]>>) =>
  Object.fromEntries(FACET_FIELDS.map((f) => [f, values[f] ?? []])) as Record<FacetField, string[]>;

describe('FacetColumns.singleOf', () => {
  it('gives one value id per document (-1: none) while no document has two', () => {
    const columns = new FacetColumns();
    columns.set(0, facets({ region: ['浙江省'], agency: ['甲'] }));
    columns.set(1, facets({ agency: ['乙'] }));
    columns.set(2, facets({ region: ['全国'], agency: ['甲'] }));
    expect([...columns.singleOf('region')!]).toEqual([0, -1, 1]);
    expect([...columns.singleOf('agency')!]).toEqual([0, 1, 0]);
  });

  it('is null for a field where a document has several values, and follows later writes', () => {
    const columns = new FacetColumns();
    columns.set(0, facets({ agency: ['甲'] }));
    expect(columns.singleOf('agency')).not.toBeNull();
    columns.set(1, facets({ agency: ['甲', '乙'] }));
    expect(columns.singleOf('agency')).toBeNull();
    columns.set(1, facets({ agency: ['乙'] }));
    expect([...columns.singleOf('agency')!]).toEqual([0, 1]);
  });

  it('is worked out again after values written directly (a snapshot load) once told', () => {
    const columns = new FacetColumns();
    columns.set(0, facets({ level: ['省'] }));
    expect([...columns.singleOf('level')!]).toEqual([0]);
    columns.values.level[1] = Int32Array.of(columns.idOf('level', '市'));
    columns.changed();
    expect([...columns.singleOf('level')!]).toEqual([0, 1]);
  });
});
