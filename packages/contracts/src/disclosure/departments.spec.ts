import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DISCLOSURE_DEPARTMENTS, departmentChoices, isDisclosureDepartment } from './departments.js';

const realmFile = fileURLToPath(new URL('../../../../infra/keycloak/realm-govdisc.json', import.meta.url));

test("every user's department in the realm export (Keycloak and the embedded issuer) is a registered department", () => {
  const realm = JSON.parse(readFileSync(realmFile, 'utf8')) as {
    users: Array<{ username: string; attributes?: { department?: string[] } }>;
  };
  const used = realm.users.flatMap((u) => (u.attributes?.department ?? []).map((d) => [u.username, d] as const));
  expect(used.length).toBeGreaterThan(0);
  expect(used.filter(([, d]) => !isDisclosureDepartment(d))).toEqual([]);
});

test('department codes are unique and the choices name each one in Chinese', () => {
  const codes = DISCLOSURE_DEPARTMENTS.map((d) => d.code);
  expect(new Set(codes).size).toBe(codes.length);
  expect(departmentChoices()).toContain('hrss（市人力资源和社会保障局）');
  expect(isDisclosureDepartment('hr')).toBe(false);
});
