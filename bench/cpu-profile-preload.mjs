// Preloaded into an app by the benches (NODE_OPTIONS=--import=…: Node refuses --cpu-prof there).
// Two modes:
//  - windows (bench/gateway-overhead.mjs --cpu-prof): SIGUSR2 starts V8's sampling profiler and the next
//    SIGUSR2 stops it and writes `<CPU_PROF_DIR>/<CPU_PROF_NAME>-<n>.cpuprofile`, so a profile covers
//    exactly one measured window;
//  - whole run (CPU_PROF_WHOLE=1, bench/rpc-ping.mjs --cpu-prof): profiles from start to exit and writes
//    `<CPU_PROF_DIR>/<CPU_PROF_NAME>-<pid>.cpuprofile` when the process exits.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join } from 'node:path';

const dir = process.env.CPU_PROF_DIR ?? '.';
const name = process.env.CPU_PROF_NAME ?? `pid${process.pid}`;
const session = new Session();
session.connect();

if (process.env.CPU_PROF_WHOLE === '1') {
  session.post('Profiler.enable');
  session.post('Profiler.setSamplingInterval', { interval: 200 });
  session.post('Profiler.start');
  process.on('exit', () => {
    // Session.post runs its callback synchronously, so the file is written before the process ends.
    session.post('Profiler.stop', (error, result) => {
      if (!error) writeFileSync(join(dir, `${name}-${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    });
  });
} else {
  let running = false;
  let n = 0;
  process.on('SIGUSR2', () => {
    if (!running) {
      session.post('Profiler.enable', () =>
        session.post('Profiler.setSamplingInterval', { interval: 500 }, () => session.post('Profiler.start')),
      );
      running = true;
      return;
    }
    session.post('Profiler.stop', (error, result) => {
      if (error) process.stderr.write(`cpu profile: ${error.message}\n`);
      else writeFileSync(join(dir, `${name}-${++n}.cpuprofile`), JSON.stringify(result.profile));
    });
    running = false;
  });
}
