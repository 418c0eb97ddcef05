// Copies MapLibre's web worker into public/vendor/maplibre/ before `next build`: MapLibre loads its worker
// from a URL (setWorkerUrl), which a bundled chunk cannot provide. The copy is a build output (gitignored).
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const dist = dirname(require.resolve('maplibre-gl/package.json'));
const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'public', 'vendor', 'maplibre');
mkdirSync(out, { recursive: true });
copyFileSync(join(dist, 'dist', 'maplibre-gl-worker.mjs'), join(out, 'maplibre-gl-worker.mjs'));
