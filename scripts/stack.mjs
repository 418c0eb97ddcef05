#!/usr/bin/env node
// Starts all eight apps (five services, the gateway, the web portal, the staff console) as separate processes with prefixed logs, waits until each is ready, then
// runs an optional command (e.g. the demo loader) and prints the URLs. Ctrl-C stops them all
// cleanly: each app gets SIGTERM, drains its work and exits.
//   node scripts/stack.mjs [--then "<command>"]
import { spawn, execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { prettyFactory } from 'pino-pretty';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const env = {
  DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/govdisc',
  NATS_URL: 'nats://127.0.0.1:4222',
  ...process.env,
};

export const apps = [
  { name: 'policy-svc', port: 3101 },
  { name: 'qa-svc', port: 3102 },
  { name: 'service-guide-svc', port: 3103 },
  { name: 'disclosure-request-svc', port: 3104 },
  { name: 'notify-svc', port: 3105 },
  // The gateway's port is public: its Prometheus metrics are on an internal listener instead.
  { name: 'gateway', port: Number(env.GATEWAY_PORT ?? 3000), metricsPort: Number(env.METRICS_PORT ?? 3100) },
  // The citizens' portal (Next.js production build): server-rendered pages over the gateway's API.
  { name: 'web', port: Number(env.WEB_PORT ?? 3001), entry: join(root, 'apps', 'web', 'scripts', 'serve.mjs') },
  // The staff console (Next.js, Ant Design): its own process and port, so a city can keep it on an internal network.
  { name: 'console', port: Number(env.CONSOLE_PORT ?? 3002), entry: join(root, 'apps', 'console', 'scripts', 'serve.mjs') },
];
const gatewayApp = apps.find((a) => a.name === 'gateway');
const colors = [36, 32, 33, 35, 34, 31, 94, 95];
const width = Math.max(...apps.map((a) => a.name.length));
const children = [];
let stopping = false;

// Every app writes JSON log lines. On a terminal they are shown readable (time, level, message, then the fields
// on one line); piped or redirected (CI, a file, a log shipper) they stay JSON. LOG_FORMAT=json|pretty decides instead.
const pretty = (env.LOG_FORMAT ?? (process.stdout.isTTY ? 'pretty' : 'json')) === 'pretty';
const prettify = pretty
  ? prettyFactory({ colorize: true, singleLine: true, translateTime: 'HH:MM:ss.l', ignore: 'pid,hostname,service,app' })
  : null;
const formatLine = (line) => (prettify && line.startsWith('{') ? prettify(line).replace(/\n$/, '') : line);

function prefixLines(name, color, stream, out) {
  let buffer = '';
  stream.on('data', (chunk) => {
    buffer += chunk.toString();
    const lines = buffer.split('\n');
    buffer = lines.pop();
    for (const line of lines) out.write(`\x1b[${color}m${name.padEnd(width)} |\x1b[0m ${formatLine(line)}\n`);
  });
}

function start(app, i) {
  const child = spawn(process.execPath, [app.entry ?? join(root, 'apps', app.name, 'dist', 'main.js')], {
    env: {
      GATEWAY_URL: `http://127.0.0.1:${gatewayApp.port}`,
      ...env,
      HTTP_PORT: String(app.port),
      ...(app.metricsPort ? { METRICS_PORT: String(app.metricsPort) } : {}),
      // The web portal calls the gateway from 127.0.0.1 for every citizen and passes their address in
      // X-Forwarded-For; without trusting it, all citizens would share one rate-limit bucket.
      ...(app.name === 'gateway' ? { TRUST_PROXY: env.TRUST_PROXY ?? 'loopback' } : {}),
      LOG_PRETTY: env.LOG_PRETTY ?? 'false',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  prefixLines(app.name, colors[i], child.stdout, process.stdout);
  prefixLines(app.name, colors[i], child.stderr, process.stderr);
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`${app.name} exited (${signal ?? code}); stopping the stack`);
      stopAll(1);
    }
  });
  children.push(child);
}

async function waitReady(app, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`http://127.0.0.1:${app.port}/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${app.name} did not become ready on port ${app.port}`);
}

async function stopAll(code = 0) {
  if (stopping) return;
  stopping = true;
  console.log('\nstopping all apps…');
  await Promise.all(
    children.map(
      (c) =>
        new Promise((resolve) => {
          if (c.exitCode !== null) return resolve();
          const t = setTimeout(() => c.kill('SIGKILL'), 15_000);
          c.once('exit', () => (clearTimeout(t), resolve()));
          c.kill('SIGTERM');
        }),
    ),
  );
  console.log('all apps stopped');
  process.exit(code);
}

process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));

const started = Date.now();
apps.forEach(start);
try {
  await Promise.all(apps.map((a) => waitReady(a)));
} catch (error) {
  console.error(error.message);
  await stopAll(1);
}
const thenIdx = process.argv.indexOf('--then');
if (thenIdx > 0) {
  try {
    execSync(process.argv[thenIdx + 1], { stdio: 'inherit', env, cwd: root });
  } catch {
    // An uncaught throw here would leave every app running without its parent.
    console.error(`"${process.argv[thenIdx + 1]}" failed; stopping the stack`);
    await stopAll(1);
  }
}
const gw = `http://127.0.0.1:${gatewayApp.port}`;
const webApp = apps.find((a) => a.name === 'web');
const consoleApp = apps.find((a) => a.name === 'console');
const issuerUrl = `${env.KEYCLOAK_URL ?? gw}/realms/${env.KEYCLOAK_REALM ?? 'govdisc'}`;
console.log(`
  政务公开平台 is up (all ${apps.length} apps ready in ${((Date.now() - started) / 1000).toFixed(1)} s)
  Portal        http://127.0.0.1:${webApp.port}  (citizens' web app; 长辈版 switch in its header)
  Console       http://127.0.0.1:${consoleApp.port}  (staff: hotline, disclosure requests, Q&A editing and review, audit log)
  API           ${gw}/api/v1
  API docs      ${gw}/docs
  Health        ${gw}/api/v1/health
  Metrics       ${apps.map((a) => `:${a.metricsPort ?? a.port}/metrics`).join('  ')}  (the gateway's on its internal METRICS_PORT)
  Sign in        ${issuerUrl}/protocol/openid-connect/token  (client govdisc-web, password grant${env.KEYCLOAK_URL ? ', Keycloak' : ', embedded issuer'})
  Demo logins    ${demoLogins()}
  Press Ctrl-C to stop everything.
`);

function demoLogins() {
  const realm = JSON.parse(readFileSync(join(root, 'infra', 'keycloak', 'realm-govdisc.json'), 'utf8'));
  return realm.users
    .filter((u) => !u.serviceAccountClientId && u.username !== 'lockout-probe') // that one is locked by tests on purpose
    .map((u) => `${u.username} (${u.realmRoles.filter((r) => !r.startsWith('default-roles')).join(',')}) / ${u.credentials[0].value}`)
    .join('\n                 ');
}
