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
    this.changed();
  }

  /** per field, each document's one value id (-1: none); null when a document has several (agency, topic) */
  private readonly singles = new Map<FacetField, Int32Array | null>();

  /** Forgets what singleOf() worked out: call after writing `values` directly (a snapshot's load). */
  changed(): void {
    this.singles.clear();
  }

  /**
   * The field as one value id per document (-1: none) while no document has two, else null. Facet counting and the
   * region prior read one typed array instead of a small array per document (17% and 6% of policy-svc's CPU per
   * embedded search went to those two loops).
   */
  singleOf(field: FacetField): Int32Array | null {
    let single = this.singles.get(field);
    if (single === undefined) {
      const column = this.values[field];
      single = column.some((v) => v.length > 1) ? null : Int32Array.from(column, (v) => (v === undefined || v.length === 0 ? -1 : v[0]!));
      this.singles.set(field, single);
    }
    return single;
  }
}
