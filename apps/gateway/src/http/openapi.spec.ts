import { ROUTES } from '../routes/index.js';
import { openApiDocument } from './openapi.js';

const doc = openApiDocument(ROUTES, { tokenUrl: 'http://127.0.0.1:3000/realms/govdisc/protocol/openid-connect/token' }) as {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters: Array<{ name: string; in: string }>;
        requestBody?: { content: Record<string, { schema: { properties?: object } }> };
        'x-access': { key: string };
      }
    >
  >;
};
const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
  Object.entries(methods).map(([method, op]) => ({ path, method, op })),
);

test('one operation per row, under /api/v1, with its access row; plus the ops endpoints', () => {
  const api = operations.filter((o) => o.path.startsWith('/api/v1/'));
  expect(api).toHaveLength(ROUTES.length);
  expect(api.every((o) => typeof o.op['x-access'].key === 'string')).toBe(true);
  expect(operations.map((o) => `${o.method} ${o.path}`)).toEqual(
    expect.arrayContaining(['get /health', 'get /ready', 'get /api/v1/policies/{documentId}/related']),
  );
});

test('internal RPC fields are not part of the public API', () => {
  const search = doc.paths['/api/v1/policies/search']!.get!;
  expect(search.parameters.map((p) => p.name)).toContain('q');
  expect(search.parameters.map((p) => p.name)).not.toContain('recordQuery');
  expect(JSON.stringify(doc)).not.toContain('recordQuery');
});

test('path parameters are parameters, not body fields', () => {
  const patch = doc.paths['/api/v1/policies/best-bets/{bestBetId}']!.patch!;
  expect(patch.parameters).toEqual([expect.objectContaining({ name: 'bestBetId', in: 'path' })]);
  expect(Object.keys(patch.requestBody!.content['application/json']!.schema.properties ?? {})).not.toContain('bestBetId');
});
