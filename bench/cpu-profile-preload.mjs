// Preloaded into an app by bench/gateway-overhead.mjs --cpu-prof (NODE_OPTIONS=--import=…: Node refuses
// --cpu-prof there). SIGUSR2 starts V8's sampling profiler; the next SIGUSR2 stops it and writes
// `<CPU_PROF_DIR>/<CPU_PROF_NAME>-<n>.cpuprofile`, so a profile covers exactly one measured window.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join } from 'node:path';

const dir = process.env.CPU_PROF_DIR ?? '.';
const name = process.env.CPU_PROF_NAME ?? `pid${process.pid}`;
const session = new Session();
session.connect();
let running = false;
let n = 0;
process.on('SIGUSR2', () => {
  if (!running) {
    session.post('Profiler.enable', () => session.post('Profiler.setSamplingInterval', { interval: 500 }, () => session.post('Profiler.start')));
    running = true;
    return;
  }
  session.post('Profiler.stop', (error, result) => {
    if (error) process.stderr.write(`cpu profile: ${error.message}\n`);
    else writeFileSync(join(dir, `${name}-${++n}.cpuprofile`), JSON.stringify(result.profile));
  });
  running = false;
});
