#!/usr/bin/env node
// Serves the portal's production build (packages/web-serve): HTTP_PORT (default 3001), /ready, JSON logs.
//   GATEWAY_URL=http://127.0.0.1:3000 node scripts/serve.mjs
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveNext } from '@govdisc/web-serve';

await serveNext({ app: 'web', dir: join(dirname(fileURLToPath(import.meta.url)), '..'), defaultPort: 3001 });
