import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  ALL_STAFF,
  AUTHENTICATED,
  CONTENT_STAFF,
  DISCLOSURE_STAFF,
  EDITORS,
  GIO_OFFICERS,
  PUBLIC,
  REVIEWERS,
  ROLES,
  Role,
  UNANSWERED_READERS,
  accessAllows,
  hasAnyRole,
  isContentStaff,
  isDisclosureStaff,
  isGio,
} from './roles.js';

const realmFile = fileURLToPath(new URL('../../../infra/keycloak/realm-govdisc.json', import.meta.url));
const actor = (...roles: string[]) => ({ sub: 'u-1', roles });

test('the Role vocabulary is exactly the realm roles of the Keycloak export', () => {
  const realm = JSON.parse(readFileSync(realmFile, 'utf8')) as { roles: { realm: Array<{ name: string }> } };
  expect([...ROLES].sort()).toEqual(realm.roles.realm.map((r) => r.name).sort());
});

test('the named sets', () => {
  expect(EDITORS).toEqual(['editor', 'admin']);
  expect(REVIEWERS).toEqual(['reviewer', 'admin']);
  expect(CONTENT_STAFF).toEqual(['editor', 'reviewer', 'admin']);
  expect(UNANSWERED_READERS).toEqual(['editor', 'reviewer', 'hotline-operator', 'admin']);
  expect(GIO_OFFICERS).toEqual(['disclosure-officer', 'admin']);
  expect(DISCLOSURE_STAFF).toEqual(['disclosure-officer', 'dept-officer', 'admin']);
  // Staff writes are audited: everyone but the public's two roles.
  expect(new Set(ALL_STAFF)).toEqual(new Set(ROLES.filter((r) => r !== Role.Citizen && r !== Role.Enterprise)));
  expect(ALL_STAFF).toHaveLength(6);
});

test('predicates: any one role of the set is enough; anonymous never is', () => {
  expect(hasAnyRole(actor('citizen', 'editor'), EDITORS)).toBe(true);
  expect(hasAnyRole(actor('citizen'), EDITORS)).toBe(false);
  expect(hasAnyRole(null, EDITORS)).toBe(false);
  expect(isContentStaff(actor('reviewer'))).toBe(true);
  expect(isContentStaff(actor('hotline-operator'))).toBe(false);
  expect(isGio(actor('admin'))).toBe(true);
  expect(isGio(actor('dept-officer'))).toBe(false);
  expect(isDisclosureStaff(actor('dept-officer'))).toBe(true);
  expect(isDisclosureStaff(actor('editor'))).toBe(false);
});

test('accessAllows: public lets everyone in, authenticated any signed-in caller, a set its holders', () => {
  expect(accessAllows(PUBLIC, null)).toBe(true);
  expect(accessAllows(AUTHENTICATED, null)).toBe(false);
  expect(accessAllows(AUTHENTICATED, actor())).toBe(true);
  expect(accessAllows(REVIEWERS, actor('editor'))).toBe(false);
  expect(accessAllows(REVIEWERS, actor('admin'))).toBe(true);
  expect(accessAllows(REVIEWERS, null)).toBe(false);
});
