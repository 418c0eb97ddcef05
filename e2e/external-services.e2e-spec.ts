// OpenSearch and Keycloak from the distributions infra/scripts provisions (scripts/test.sh starts
// them and exports their URLs). Later issues build their search and auth tests on these servers.
const opensearchUrl = process.env.OPENSEARCH_URL;
const keycloakUrl = process.env.KEYCLOAK_URL;

function required(name: string, value: string | undefined): string {
  if (!value) throw new Error(`${name} is not set: run the tests with \`npm test\`, which starts OpenSearch and Keycloak`);
  return value;
}

test('OpenSearch answers and can index and search Chinese text', async () => {
  const base = required('OPENSEARCH_URL', opensearchUrl);
  const info = (await (await fetch(base)).json()) as any;
  expect(info.version.number).toMatch(/^2\.19\./);
  const index = `e2e-smoke-${Date.now()}`;
  const put = await fetch(`${base}/${index}/_doc/1?refresh=true`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title_tok: '住房 公积金 租房 提取' }),
  });
  expect(put.status).toBe(201);
  const search = (await (
    await fetch(`${base}/${index}/_search`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: { match: { title_tok: '公积金' } } }),
    })
  ).json()) as any;
  expect(search.hits.total.value).toBe(1);
  await fetch(`${base}/${index}`, { method: 'DELETE' });
});

test('Keycloak serves the govdisc realm and issues tokens with realm roles and the department claim', async () => {
  const base = required('KEYCLOAK_URL', keycloakUrl);
  const discovery = (await (await fetch(`${base}/realms/govdisc/.well-known/openid-configuration`)).json()) as any;
  expect(discovery.issuer).toBe(`${base}/realms/govdisc`);
  const token = async (username: string) => {
    const res = await fetch(discovery.token_endpoint, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'password', client_id: 'govdisc-web', username, password: `demo-${username}` }),
    });
    expect(res.status).toBe(200);
    const { access_token } = (await res.json()) as { access_token: string };
    return JSON.parse(Buffer.from(access_token.split('.')[1]!, 'base64url').toString());
  };
  expect((await token('citizen1')).realm_access.roles).toContain('citizen');
  const officer = await token('officer-edu');
  expect(officer.realm_access.roles).toContain('dept-officer');
  expect(officer.department).toBe('edu');
  const wrong = await fetch(discovery.token_endpoint, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'password', client_id: 'govdisc-web', username: 'citizen1', password: 'wrong' }),
  });
  expect(wrong.status).toBeGreaterThanOrEqual(400);
  expect(((await wrong.json()) as { error: string }).error).toBe('invalid_grant');
});
