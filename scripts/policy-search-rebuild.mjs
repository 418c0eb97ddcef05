#!/usr/bin/env node
// Rebuilds the policy search index from policy-svc's database (embedded engine: a fresh index and
// snapshot; OpenSearch: a new index, then the alias moves). Signs in as an admin (DEMO_USER, default admin1).
// With several embedded-engine replicas, the replica that answers rebuilds; restart the others or
// rely on their event feed.
//   node scripts/policy-search-rebuild.mjs
import { login } from './lib/api-client.mjs';

const api = await login();
const r = await api.post('/policies/search/rebuild', {});
console.log(`${r.engine} index rebuilt: ${r.indexed} documents in ${(r.ms / 1000).toFixed(1)} s`);
