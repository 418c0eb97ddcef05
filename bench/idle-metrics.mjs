#!/usr/bin/env node
// What prom-client's default metrics cost an idle process, by event-loop sampling interval (ADR 0042): three child
// processes side by side (no metrics; samples every 10 ms, prom-client's default; every 100 ms, service-kit's), each
// idle for --seconds, each printing its own CPU per second.
//   node bench/idle-metrics.mjs [--seconds 30]
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';

const seconds = Number(process.argv[process.argv.indexOf('--seconds') + 1] || 30);
const promClient = createRequire(new URL('../packages/service-kit/package.json', import.meta.url)).resolve('prom-client');
const child = (precision) => `
  const p = require(${JSON.stringify(promClient)});
  if (${precision} > 0) p.collectDefaultMetrics({ register: new p.Registry(), eventLoopMonitoringPrecision: ${precision} });
  const t0 = process.cpuUsage();
  setTimeout(() => { const u = process.cpuUsage(t0); console.log(((u.user + u.system) / 1000 / ${seconds}).toFixed(2)); }, ${seconds * 1000});`;
const run = promisify(execFile);
const rows = await Promise.all(
  [0, 10, 100].map(async (precision) => [precision, (await run(process.execPath, ['-e', child(precision)])).stdout.trim()]),
);
for (const [precision, ms] of rows)
  console.log(`${precision ? `sampling every ${precision} ms` : 'no default metrics'}: ${ms} ms of CPU per second idle`);
