import type { Metadata } from 'next';
import { LocateButton } from '../../components/locate-button';
import { Pager } from '../../components/pager';
import { type MapSite, SitesMap } from '../../components/sites-map-client';
import { api, type GetOk } from '../../lib/api';
import { distanceText, openLabel, todayHours } from '../../lib/guide';
import { one } from '../../lib/site';

type Params = Record<string, string | string[] | undefined>;
type Site = GetOk<'/api/v1/sites'>['items'][number];
const PAGE_SIZE = 20;

export async function generateMetadata({ searchParams }: { searchParams: Promise<Params> }): Promise<Metadata> {
  const sp = await searchParams;
  const filtered = ['district', 'page', 'lat', 'lng'].some((k) => one(sp[k]) !== '');
  return {
    title: '服务网点',
    description: '政务服务中心和便民服务站：地址、电话、今天的开放时间，查找离您最近的网点。',
    alternates: { canonical: '/sites' },
    robots: filtered ? { index: false, follow: true } : undefined,
  };
}

function href(district: string, page = 1): string {
  const p = new URLSearchParams();
  if (district) p.set('district', district);
  if (page > 1) p.set('page', String(page));
  const s = p.toString();
  return s ? `/sites?${s}` : '/sites';
}

/** A coordinate from the form: a number within ±limit, or an error in Chinese. */
function coordinate(raw: string, name: string, limit: number): { value?: number; error?: string } {
  if (raw === '') return { error: `请填写${name}` };
  const value = Number(raw);
  if (!/^[+-]?\d+(\.\d+)?$/.test(raw) || !Number.isFinite(value))
    return { error: `${name}须为数字，如 ${limit === 90 ? '28.19' : '112.97'}` };
  if (Math.abs(value) > limit) return { error: `${name}须在 -${limit} 到 ${limit} 之间` };
  return { value };
}

/** The map's raster tiles (MAP_TILE_URL, an XYZ template such as 天地图's with its key) and their credit line; no URL, no map. */
function mapTiles(): { url: string; attribution: string } | null {
  const url = process.env.MAP_TILE_URL?.trim();
  return url ? { url, attribution: process.env.MAP_TILE_ATTRIBUTION?.trim() ?? '' } : null;
}

function SiteItem({ site, distance }: { site: Site; distance?: number }) {
  return (
    <li id={distance === undefined ? `site-${site.id}` : undefined}>
      <h3>
        {site.name}
        <span className={`badge ${site.openNow ? 'badge-open' : 'badge-closed'}`}>{openLabel(site)}</span>
      </h3>
      <p className="meta">
        {distance !== undefined && <strong className="distance">距您{distanceText(distance)} · </strong>}
        {site.district} · {site.level}级
      </p>
      <dl className="doc-meta">
        <dt>地址</dt>
        <dd>{site.address}</dd>
        {site.phones.length > 0 && (
          <>
            <dt>电话</dt>
            <dd>
              {site.phones.map((p, i) => (
                <span key={p}>
                  {i > 0 && '、'}
                  <a className="nowrap" href={`tel:${p.replace(/[^0-9+]/g, '')}`}>
                    {p}
                  </a>
                </span>
              ))}
            </dd>
          </>
        )}
        <dt>开放时间</dt>
        <dd>
          {todayHours(site.weeklyHours)}
          {site.hoursNote && <span className="meta">（{site.hoursNote}）</span>}
        </dd>
      </dl>
    </li>
  );
}

export default async function SitesPage({ searchParams }: { searchParams: Promise<Params> }) {
  const sp = await searchParams;
  const district = one(sp.district).slice(0, 100);
  const page = Math.min(500, Math.max(1, Number.parseInt(one(sp.page), 10) || 1));
  const latRaw = one(sp.lat).slice(0, 30);
  const lngRaw = one(sp.lng).slice(0, 30);
  const asked = latRaw !== '' || lngRaw !== '';
  const lat = asked ? coordinate(latRaw, '纬度', 90) : {};
  const lng = asked ? coordinate(lngRaw, '经度', 180) : {};
  const client = await api();

  const [list, all, nearest] = await Promise.all([
    client.GET('/api/v1/sites', { params: { query: { page, pageSize: PAGE_SIZE, district: district || undefined } } }),
    // The district filter's values: the districts of all sites (at most 100 looked at).
    client
      .GET('/api/v1/sites', { params: { query: { page: 1, pageSize: 100 } } })
      .then((r) => r.data?.items ?? [])
      .catch(() => []),
    lat.value !== undefined && lng.value !== undefined
      ? client.GET('/api/v1/sites/nearest', { params: { query: { lat: lat.value, lng: lng.value, limit: 5 } } })
      : Promise.resolve(undefined),
  ]);
  const tiles = mapTiles();
  const mapSites: MapSite[] = all
    .filter((s) => !district || s.district === district)
    .map((s) => ({ id: s.id, name: s.name, address: s.address, lat: s.lat, lng: s.lng, open: openLabel(s) }));
  const districts = [...new Set(all.map((s) => s.district))].sort((a, b) => a.localeCompare(b, 'zh-CN'));
  const pages = list.data ? Math.min(500, Math.ceil(list.data.total / PAGE_SIZE)) : 0;
  const errors = [lat.error && { id: 'lat', text: lat.error }, lng.error && { id: 'lng', text: lng.error }].filter(
    (e): e is { id: string; text: string } => Boolean(e),
  );
  const nearestError =
    nearest && !nearest.data
      ? ((nearest.error as { message?: string } | undefined)?.message ?? '暂时无法查找最近的网点，请稍后再试。')
      : undefined;

  return (
    <>
      <h1>服务网点</h1>
      <p>政务服务中心、便民服务中心和便民服务站的地址、电话和开放时间。法定节假日一般闭馆，以“现在开放”标注为准。</p>

      <section aria-labelledby="near-h" className="answer">
        <h2 id="near-h">离我最近</h2>
        {errors.length > 0 && (
          <div className="error-summary" role="alert" aria-labelledby="near-errors-h">
            <h3 id="near-errors-h">请检查填写的位置</h3>
            <ul>
              {errors.map((e) => (
                <li key={e.id}>
                  <a href={`#${e.id}`}>{e.text}</a>
                </li>
              ))}
            </ul>
          </div>
        )}
        <form method="get" action="/sites#near-h" className="search-form near-form">
          {district && <input type="hidden" name="district" value={district} />}
          <div className={`field ${lat.error ? 'field-error' : ''}`}>
            <label htmlFor="lat">纬度</label>
            <input
              id="lat"
              name="lat"
              type="text"
              inputMode="decimal"
              defaultValue={latRaw}
              placeholder="如 28.19"
              aria-invalid={lat.error ? true : undefined}
              aria-describedby="coord-hint"
            />
          </div>
          <div className={`field ${lng.error ? 'field-error' : ''}`}>
            <label htmlFor="lng">经度</label>
            <input
              id="lng"
              name="lng"
              type="text"
              inputMode="decimal"
              defaultValue={lngRaw}
              placeholder="如 112.97"
              aria-invalid={lng.error ? true : undefined}
              aria-describedby="coord-hint"
            />
          </div>
          <button type="submit">查找最近的网点</button>
          <LocateButton latId="lat" lngId="lng" />
        </form>
        <p className="hint" id="coord-hint">
          填写 GPS（WGS-84）经纬度；手机地图里复制的坐标可能有几百米偏差。
        </p>
        {nearestError && (
          <div className="banner banner-bad" role="alert">
            {nearestError}
          </div>
        )}
        {nearest?.data && (
          <>
            <h3 id="nearest-h">离您最近的 {nearest.data.items.length} 个网点</h3>
            {nearest.data.items.length === 0 ? (
              <p>附近没有找到服务网点。</p>
            ) : (
              <ol className="results sites nearest" aria-labelledby="nearest-h">
                {nearest.data.items.map((s) => (
                  <SiteItem key={s.id} site={{ ...s, matters: [] }} distance={s.distanceMeters} />
                ))}
              </ol>
            )}
          </>
        )}
      </section>

      {districts.length > 1 && (
        <nav aria-label="按区县筛选" className="chips">
          <h2>按区县查看</h2>
          <ul>
            <li>
              <a href={href('')} aria-current={district === '' ? 'true' : undefined}>
                全部
              </a>
            </li>
            {districts.map((d) => (
              <li key={d}>
                <a href={href(d)} aria-current={district === d ? 'true' : undefined}>
                  {d}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {!list.data && (
        <div className="banner banner-bad" role="alert">
          {(list.error as { message?: string } | undefined)?.message ?? '服务网点暂时无法查询，请稍后再试。'}
        </div>
      )}
      {tiles && mapSites.length > 0 && <SitesMap tileUrl={tiles.url} attribution={tiles.attribution} sites={mapSites} />}
      {list.data && (
        <section aria-labelledby="list-h">
          <h2 id="list-h">
            {district || '全部'}网点（{list.data.total} 个）{pages > 1 ? `，第 ${page}/${pages} 页` : ''}
          </h2>
          <ul className="results sites">
            {list.data.items.map((s) => (
              <SiteItem key={s.id} site={s} />
            ))}
          </ul>
          <Pager page={page} pages={pages} href={(n) => href(district, n)} />
        </section>
      )}
    </>
  );
}
