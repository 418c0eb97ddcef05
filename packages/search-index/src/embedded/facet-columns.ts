import { FACET_FIELDS, type FacetField } from '../types.js';

/** Dictionary-encoded facet values: one small Int32Array of value ids per document and field. */
export class FacetColumns {
  readonly dicts: Record<FacetField, Map<string, number>>;
  readonly names: Record<FacetField, string[]>;
  readonly values: Record<FacetField, Int32Array[]>;

  constructor() {
    this.dicts = {} as FacetColumns['dicts'];
    this.names = {} as FacetColumns['names'];
    this.values = {} as FacetColumns['values'];
    for (const f of FACET_FIELDS) {
      this.dicts[f] = new Map();
      this.names[f] = [];
      this.values[f] = [];
    }
  }

  idOf(field: FacetField, value: string): number {
    let id = this.dicts[field].get(value);
    if (id === undefined) {
      id = this.names[field].length;
      this.dicts[field].set(value, id);
      this.names[field].push(value);
    }
    return id;
  }

  set(doc: number, facets: Record<FacetField, string[]>): void {
    for (const f of FACET_FIELDS) this.values[f][doc] = Int32Array.from(facets[f], (v) => this.idOf(f, v));
  }
}
