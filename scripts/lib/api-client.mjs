// A small client for scripts: signs in (Keycloak if KEYCLOAK_URL is set, else the gateway's embedded
// issuer) and calls the gateway's API, turning error bodies into readable exceptions.
// Content is published with four eyes: scripts write as an editor (DEMO_EDITOR, default editor1) and
// publish as a different reviewer (DEMO_REVIEWER, default reviewer1); passwords are demo-<username>
// unless DEMO_EDITOR_PASSWORD / DEMO_REVIEWER_PASSWORD are set.
export const loginEditor = () =>
  login({
    username: process.env.DEMO_EDITOR ?? 'editor1',
    password: process.env.DEMO_EDITOR_PASSWORD ?? `demo-${process.env.DEMO_EDITOR ?? 'editor1'}`,
  });
export const loginReviewer = () =>
  login({
    username: process.env.DEMO_REVIEWER ?? 'reviewer1',
    password: process.env.DEMO_REVIEWER_PASSWORD ?? `demo-${process.env.DEMO_REVIEWER ?? 'reviewer1'}`,
  });

export async function login({
  gateway = (process.env.GATEWAY_URL ?? 'http://127.0.0.1:3000').replace(/\/$/, ''),
  username = process.env.DEMO_USER ?? 'admin1',
  password = process.env.DEMO_PASSWORD ?? 'demo-admin1',
} = {}) {
  const issuer = `${(process.env.KEYCLOAK_URL ?? gateway).replace(/\/$/, '')}/realms/${process.env.KEYCLOAK_REALM ?? 'govdisc'}`;
  let token = await signIn({ issuer, username, password });
  const send = (method, path, body) =>
    fetch(`${gateway}/api/v1${path}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const call = async (method, path, body) => {
    let r = await send(method, path, body);
    // A long import outlives its access token (minutes): sign in again once and resend.
    if (r.status === 401) {
      token = await signIn({ issuer, username, password });
      r = await send(method, path, body);
    }
    const json = await r.json().catch(() => ({}));
    if (r.status >= 300)
      throw Object.assign(new Error(`${method} ${path}: HTTP ${r.status} ${json.code ?? ''} ${json.message ?? ''}`), {
        status: r.status,
        body: json,
      });
    return json;
  };
  return { gateway, username, get: (p) => call('GET', p), post: (p, b) => call('POST', p, b), call };
}

async function signIn({ issuer, username, password }) {
  const res = await fetch(`${issuer}/protocol/openid-connect/token`, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'password', client_id: 'govdisc-web', username, password }),
  }).catch((error) => {
    throw new Error(`cannot reach ${issuer} (${error.message}): is the platform running (npm start)?`);
  });
  if (!res.ok) throw new Error(`login as ${username} at ${issuer} failed: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()).access_token;
}
