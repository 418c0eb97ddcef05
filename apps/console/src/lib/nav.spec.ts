import { Role } from '@govdisc/contracts';
import { mayOpen, navFor } from './nav';

const menuOf = (...roles: string[]) => navFor({ roles }).map((i) => i.href);

test('each role sees the screens its gateway routes allow, and nothing else', () => {
  expect(menuOf(Role.HotlineOperator)).toEqual(['/hotline', '/qa/unanswered', '/analytics']);
  expect(menuOf(Role.DisclosureOfficer)).toEqual(['/disclosure', '/disclosure/report', '/analytics']);
  expect(menuOf(Role.DeptOfficer)).toEqual(['/disclosure', '/analytics', '/admin/webhooks']);
  expect(menuOf(Role.Editor)).toEqual(['/qa', '/qa/extract', '/qa/unanswered', '/policies', '/guides', '/analytics']);
  expect(menuOf(Role.Citizen)).toEqual([]);
  // 用户与角色 is the admins' only: no other role's menu shows it
  expect(menuOf(Role.Admin)).toContain('/admin/users');
  for (const role of Object.values(Role).filter((r) => r !== Role.Admin)) expect(menuOf(role)).not.toContain('/admin/users');
  expect(navFor(null)).toEqual([]);
});

test('a screen not in the menu is not open, whatever the roles', () => {
  expect(mayOpen({ roles: [Role.Admin] }, '/admin/webhooks')).toBe(true);
  expect(mayOpen({ roles: [Role.Editor] }, '/admin/webhooks')).toBe(false);
  expect(mayOpen({ roles: [Role.Admin] }, '/nowhere')).toBe(false);
});
