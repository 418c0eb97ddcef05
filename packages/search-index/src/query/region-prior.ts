import { extractPlaces, type Place } from '@govdisc/text-analysis';
import { PLACE_PRIOR, type RegionPrior } from '../ranking.js';

/** A place as the prefix of the documents' region values (浙江省, 浙江省杭州市); a district counts as its province. */
export function regionPrefix(place: Place): string {
  if (place.name === place.province) return place.province;
  return /(?:市|州|盟|地区)$/u.test(place.name) ? `${place.province}${place.name}` : place.province;
}

/**
 * The region prior of a query (ranking.ts PLACE_PRIOR): places it names win, national documents next;
 * without a place, national documents first, then the deployment's home region (city, then province).
 */
export function regionPriorFor(q: string, homeRegion?: string | null): RegionPrior {
  const named = q ? extractPlaces(q) : [];
  if (named.length > 0) {
    const prefixes = [...new Set(named.map(regionPrefix))];
    return {
      national: PLACE_PRIOR.nationalWhenNamed,
      nationalLevels: PLACE_PRIOR.nationalLevels,
      tiers: prefixes.map((prefix) => ({ prefix, factor: PLACE_PRIOR.named })),
      other: PLACE_PRIOR.other,
    };
  }
  const tiers: RegionPrior['tiers'] = [];
  const home = homeRegion ? extractPlaces(homeRegion) : [];
  if (home.length > 0) {
    const city = home.map(regionPrefix).sort((a, b) => b.length - a.length)[0]!;
    tiers.push({ prefix: city, factor: PLACE_PRIOR.homeCity });
    if (city !== home[0]!.province) tiers.push({ prefix: home[0]!.province, factor: PLACE_PRIOR.homeProvince });
  }
  return { national: PLACE_PRIOR.national, nationalLevels: PLACE_PRIOR.nationalLevels, tiers, other: PLACE_PRIOR.other };
}
