import { analyzeDocument } from '../analysis.js';
import { FIXTURE_DOCS } from '../contract/fixtures.js';
import { toOpenSearchSource } from './opensearch-index.js';
import { BOOST_PARAMS } from '../ranking.js';
import { indexRevision, MAPPING_REVISION, policyIndexMappings, policyIndexTemplate } from './mapping.js';

type Props = Record<string, { type: string; analyzer?: string; index?: boolean }>;
const props = policyIndexMappings('v1').properties as Props;

describe('OpenSearch mapping', () => {
  it('declares every field the adapter writes (the mapping is strict)', () => {
    const written = new Set(FIXTURE_DOCS.flatMap((d) => Object.keys(toOpenSearchSource(analyzeDocument(d)))));
    expect([...written].filter((f) => !(f in props))).toEqual([]);
  });

  it('indexes the app tokens with the whitespace analyzer only', () => {
    for (const f of ['title_tok', 'body_tok', 'title_bi']) expect(props[f]).toMatchObject({ type: 'text', analyzer: 'whitespace' });
  });

  it('writes the app tokens space-joined and the normalised number key', () => {
    const src = toOpenSearchSource(analyzeDocument(FIXTURE_DOCS[7]!));
    expect(src.docno_key).toEqual(['浙政办发|2018|111']);
    expect(String(src.title_tok).split(' ')).toEqual(expect.arrayContaining(['降低', '社会保险', '费率', '通知']));
    expect(src.validity).toEqual(['已修改']);
    expect(src.validity_w).toBe(BOOST_PARAMS.validity.已修改); // the prior's script reads the weight, not the keyword
    expect(props.validity_w).toEqual({ type: 'double' }); // a float would move scores in their last bit
  });

  it('stores weight 1 for a document without a validity, like boostFactor()', () => {
    const src = toOpenSearchSource(analyzeDocument({ ...FIXTURE_DOCS[0]!, validity: null as never }));
    expect(src.validity_w).toBe(1);
  });

  it("makes an index's version name the mapping's revision and the stored weights, beside the analyzer", () => {
    expect(indexRevision()).toMatch(new RegExp(`^m${MAPPING_REVISION}-[0-9a-f]{6}$`, 'u'));
  });

  it('records the analyzer version and matches <alias>-* in the template', () => {
    const t = policyIndexTemplate('policies', 'abc') as { index_patterns: string[]; template: { mappings: { _meta: unknown } } };
    expect(t.index_patterns).toEqual(['policies-*']);
    expect(t.template.mappings._meta).toEqual({ analyzerVersion: 'abc' });
  });
});
