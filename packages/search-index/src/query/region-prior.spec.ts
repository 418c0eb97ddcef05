import { PLACE_PRIOR, regionFactor } from '../ranking.js';
import { regionPriorFor } from './region-prior.js';

describe('regionPriorFor + regionFactor (level and place)', () => {
  const factors = (q: string, home?: string) => {
    const prior = regionPriorFor(q, home);
    return ['全国', '浙江省杭州市', '浙江省宁波市', '浙江省', '山东省', '山东省济南市', null].map((r) => regionFactor(r, null, prior));
  };

  it('with no place and no home region: national first, every place (and an unknown one) alike', () => {
    const { national, other } = PLACE_PRIOR;
    expect(factors('全民健身条例')).toEqual([national, other, other, other, other, other, other]);
    expect(national).toBeGreaterThan(other);
  });

  it('with a home region: national, then the home city, then its province, then other places', () => {
    const [cn, hz, nb, zj, sd] = factors('全民健身条例', '浙江省杭州市');
    expect(cn).toBeGreaterThan(hz!);
    expect(hz).toBeGreaterThan(nb!);
    expect(nb).toBe(zj);
    expect(zj).toBeGreaterThan(sd!);
  });

  it('a place in the query wins over national documents and the home region', () => {
    const [cn, hz, , zj, sd, jn] = factors('山东全民健身条例', '浙江省杭州市');
    expect(sd).toBe(jn);
    expect(sd).toBeGreaterThan(cn!);
    expect(cn).toBeGreaterThan(hz!);
    expect(hz).toBe(zj);
  });

  it('a city in the query prefers that city over the rest of its province', () => {
    const [cn, hz, nb] = factors('杭州电梯安全条例');
    expect(hz).toBeGreaterThan(cn!);
    expect(cn).toBeGreaterThan(nb!);
  });

  it('among national documents the higher level first: a law, its 实施条例, interpretations and ministry rules', () => {
    const prior = regionPriorFor('食品安全法');
    const [law, regulation, interpretation, rule] = ['全国人大', '国务院', '两高', '部委'].map((level) =>
      regionFactor('全国', level, prior),
    );
    expect(law).toBeGreaterThan(regulation!);
    expect(regulation).toBeGreaterThan(interpretation!);
    expect(interpretation).toBe(rule);
    expect(rule).toBeGreaterThan(regionFactor('山东省', '省', prior));
  });

  it('no prior, no change', () => {
    expect(regionFactor('山东省', '省', null)).toBe(1);
  });
});
