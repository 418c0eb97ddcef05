import { Role } from '@govdisc/contracts';
import { mayOpen, navFor } from './nav';

const menuOf = (...roles: string[]) => navFor({ roles }).map((i) => i.href);

test('each role sees the screens its gateway routes allow, and nothing else', () => {
  expect(menuOf(Role.HotlineOperator)).toEqual(['/hotline', '/qa/unanswered', '/analytics']);
  expect(menuOf(Role.DisclosureOfficer)).toEqual(['/disclosure', '/disclosure/report', '/analytics']);
  expect(menuOf(Role.DeptOfficer)).toEqual(['/disclosure', '/analytics', '/admin/webhooks']);
  expect(menuOf(Role.Editor)).toEqual(['/qa', '/qa/extract', '/qa/unanswered', '/policies', '/guides', '/analytics']);
  expect(menuOf(Role.Citizen)).toEqual([]);
  expect(navFor(null)).toEqual([]);
});

test('a screen not in the menu is not open, whatever the roles', () => {
  expect(mayOpen({ roles: [Role.Admin] }, '/admin/webhooks')).toBe(true);
  expect(mayOpen({ roles: [Role.Editor] }, '/admin/webhooks')).toBe(false);
  expect(mayOpen({ roles: [Role.Admin] }, '/nowhere')).toBe(false);
});
