// Runs an app's entry (CPU_PROFILED_ENTRY) under the V8 CPU profiler and writes the profile to
// CPU_PROFILED_DIR/<name>-<pid>.cpuprofile when the process exits (Chrome DevTools or speedscope read it).
// Used by bench/gateway-overhead.mjs --profile-policy-svc, because node refuses --cpu-prof in NODE_OPTIONS and
// the test kit's AppProcess starts `node <entry>` with no node flags.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { basename, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const entry = process.env.CPU_PROFILED_ENTRY;
const dir = process.env.CPU_PROFILED_DIR;
if (!entry || !dir) throw new Error('CPU_PROFILED_ENTRY and CPU_PROFILED_DIR must be set');
const session = new Session();
session.connect();
session.post('Profiler.enable');
session.post('Profiler.setSamplingInterval', { interval: 1000 });
session.post('Profiler.start');
// The in-process session answers synchronously, so the profile can be written from the 'exit' handler.
process.once('exit', () => {
  session.post('Profiler.stop', (err, result) => {
    if (err) return void process.stderr.write(`cpu profile not written: ${err.message}\n`);
    const name = basename(dirname(dirname(entry)));
    writeFileSync(join(dir, `${name}-${process.pid}.cpuprofile`), JSON.stringify(result.profile));
  });
});
await import(pathToFileURL(entry).href);
