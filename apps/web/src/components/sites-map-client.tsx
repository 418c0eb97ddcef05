'use client';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { useEffect, useRef, useState } from 'react';

/** What the map shows of a site (the list below it shows everything). */
export interface MapSite {
  id: string;
  name: string;
  address: string;
  lat: number;
  lng: number;
  open: string;
}

/** Where the app serves MapLibre's web worker (copied from the package at build: scripts/copy-maplibre.mjs). */
const WORKER_URL = '/vendor/maplibre/maplibre-gl-worker.mjs';
/** No tile within this long, or a tile error before any tile loaded: the map goes away and the list stays. */
const TILE_TIMEOUT_MS = 8_000;

type State = 'loading' | 'ready' | 'failed';

/**
 * The service sites on a MapLibre map over raster tiles from configuration (MAP_TILE_URL, e.g. 天地图 with a
 * key). MapLibre is imported only here, after the page has rendered, so no other page carries it. Each
 * marker is a button (focusable, named by the site and whether it is open); activating it opens a popup
 * linking to the site in the list. Without JavaScript, WebGL or reachable tiles nothing shows and the list
 * (always rendered by the server) is the page.
 */
export function SitesMap({ tileUrl, attribution, sites }: { tileUrl: string; attribution: string; sites: MapSite[] }) {
  const container = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<State>('loading');
  // Nothing in the server's HTML: without JavaScript there is no map to hold a place for.
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);

  useEffect(() => {
    if (!mounted) return;
    let map: MapLibreMap | undefined;
    let cancelled = false;
    const fail = () => {
      if (cancelled) return;
      map?.remove();
      map = undefined;
      setState('failed');
    };
    void (async () => {
      try {
        const maplibre = await import('maplibre-gl');
        if (cancelled || !container.current) return;
        maplibre.setWorkerUrl(WORKER_URL);
        map = new maplibre.Map({
          container: container.current,
          style: {
            version: 8,
            sources: { tiles: { type: 'raster', tiles: [tileUrl], tileSize: 256, attribution } },
            layers: [{ id: 'tiles', type: 'raster', source: 'tiles' }],
          },
          bounds: boundsOf(sites),
          fitBoundsOptions: { padding: 40, maxZoom: 15 },
          attributionControl: { compact: false },
          cooperativeGestures: true,
        });
        map.addControl(new maplibre.NavigationControl({ showCompass: false }), 'top-right');
        let tileLoaded = false;
        const timer = setTimeout(() => !tileLoaded && fail(), TILE_TIMEOUT_MS);
        map.on('sourcedata', (e) => {
          if (e.sourceId === 'tiles' && e.tile && !tileLoaded) {
            tileLoaded = true;
            clearTimeout(timer);
            setState('ready');
          }
        });
        map.on('error', () => !tileLoaded && (clearTimeout(timer), fail()));
        for (const site of sites) {
          const button = document.createElement('button');
          button.type = 'button';
          button.className = 'map-marker';
          button.setAttribute('aria-label', `${site.name}（${site.open}）`);
          const popup = new maplibre.Popup({ offset: 18, closeButton: true }).setDOMContent(popupContent(site));
          new maplibre.Marker({ element: button }).setLngLat([site.lng, site.lat]).setPopup(popup).addTo(map);
        }
      } catch {
        fail(); // no WebGL, or the module did not load
      }
    })();
    return () => {
      cancelled = true;
      map?.remove();
    };
  }, [mounted, tileUrl, attribution, sites]);

  if (!mounted || state === 'failed') return null;
  return (
    <div className="site-map-wrap" data-map-state={state}>
      <div ref={container} className="site-map" role="region" aria-label="服务网点地图" data-testid="site-map" />
      <p className="hint">地图上的标记可以用 Tab 键逐个选中，按回车查看网点；完整信息见下方列表。</p>
    </div>
  );
}

function popupContent(site: MapSite): HTMLElement {
  const box = document.createElement('div');
  const title = document.createElement('strong');
  title.textContent = site.name;
  const line = document.createElement('p');
  line.textContent = `${site.open} · ${site.address}`;
  const link = document.createElement('a');
  link.href = `#site-${site.id}`;
  link.textContent = '查看详情';
  box.append(title, line, link);
  return box;
}

function boundsOf(sites: MapSite[]): [number, number, number, number] {
  const lngs = sites.map((s) => s.lng);
  const lats = sites.map((s) => s.lat);
  const pad = 0.01;
  return [Math.min(...lngs) - pad, Math.min(...lats) - pad, Math.max(...lngs) + pad, Math.max(...lats) + pad];
}
