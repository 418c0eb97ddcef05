import { PLACE_PRIOR, regionFactor } from '../ranking.js';
import { regionPriorFor } from './region-prior.js';

describe('regionPriorFor + regionFactor (level and place)', () => {
  const factors = (q: string, home?: string) => {
    const prior = regionPriorFor(q, home);
    return ['全国', '浙江省杭州市', '浙江省宁波市', '浙江省', '山东省', '山东省济南市', null].map((r) => regionFactor(r, prior));
  };

  it('with no place and no home region: national first, every place alike, unknown regions untouched', () => {
    const { national, other } = PLACE_PRIOR;
    expect(factors('全民健身条例')).toEqual([national, other, other, other, other, other, 1]);
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

  it('no prior, no change', () => {
    expect(regionFactor('山东省', null)).toBe(1);
  });
});
