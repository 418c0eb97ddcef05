import { AppProcess, type PrivateNats, type TestDatabase, createTestDatabase, freePort, startPrivateNats } from '@govdisc/testing';
import { generateKeyPairSync } from 'node:crypto';
import { fileURLToPath } from 'node:url';

// Two gateway replicas with the embedded issuer and one EMBEDDED_ISSUER_SIGNING_KEY: a token one issues is accepted by
// the other and by itself after a restart; a replica with its own in-memory key refuses it (the check can fail).
const entry = fileURLToPath(new URL('../../dist/main.js', import.meta.url));
const PUBLIC = 'http://gateway.govdisc.test';
const pem = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;

let nats: PrivateNats;
let db: TestDatabase;
const replicas: AppProcess[] = [];

async function replica(name: string, env: Record<string, string> = {}): Promise<AppProcess> {
  const port = await freePort();
  const app = new AppProcess(
    name,
    entry,
    {
      DATABASE_URL: db.url,
      NATS_URL: nats.url,
      HTTP_PORT: String(port),
      LOG_LEVEL: 'warn',
      KEYCLOAK_URL: '',
      KEYCLOAK_ISSUER_URL: PUBLIC,
      RPC_TIMEOUT_MS: '300',
      ...env,
    },
    `http://127.0.0.1:${port}/ready`,
  );
  replicas.push(app);
  await app.start(60_000);
  return app;
}

const base = (app: AppProcess) => app.readyUrl.replace('/ready', '');

async function token(app: AppProcess): Promise<string> {
  const form = { grant_type: 'password', client_id: 'govdisc-web', username: 'citizen1', password: 'demo-citizen1' };
  const res = await fetch(`${base(app)}/realms/govdisc/protocol/openid-connect/token`, { method: 'POST', body: new URLSearchParams(form) });
  expect(res.status).toBe(200);
  return ((await res.json()) as { access_token: string }).access_token;
}

/** A signed-in route: 401 when the token is refused; past authentication it reaches NATS, where no service answers (503). */
async function mine(app: AppProcess, bearer: string): Promise<{ status: number; reason?: string }> {
  const res = await fetch(`${base(app)}/api/v1/disclosure-requests/mine`, { headers: { authorization: `Bearer ${bearer}` } });
  const body = (await res.json()) as { details?: { reason?: string } };
  return { status: res.status, reason: body.details?.reason };
}

beforeAll(async () => {
  [nats, db] = await Promise.all([startPrivateNats(), createTestDatabase('gateway-key')]);
});

afterAll(async () => {
  await Promise.all(replicas.map((r) => r.stop()));
  await nats?.stop();
  await db?.drop();
});

test('a token from one replica works on the other and after a restart; a replica with another key refuses it', async () => {
  const [a, b] = await Promise.all([
    replica('gateway-a', { EMBEDDED_ISSUER_SIGNING_KEY: pem }),
    replica('gateway-b', { EMBEDDED_ISSUER_SIGNING_KEY: pem }),
  ]);
  const jwks = async (app: AppProcess) => (await fetch(`${base(app)}/realms/govdisc/protocol/openid-connect/certs`)).json();
  expect(await jwks(a)).toEqual(await jwks(b));

  const fromA = await token(a);
  expect(JSON.parse(Buffer.from(fromA.split('.')[1]!, 'base64url').toString())).toMatchObject({ iss: `${PUBLIC}/realms/govdisc` });
  expect(await mine(b, fromA)).toEqual({ status: 503, reason: undefined });

  await a.stop();
  await a.start(60_000);
  expect(await mine(a, fromA)).toEqual({ status: 503, reason: undefined });

  const other = await replica('gateway-own-key');
  expect(await mine(other, fromA)).toEqual({ status: 401, reason: 'bad_signature' });
}, 120_000);
