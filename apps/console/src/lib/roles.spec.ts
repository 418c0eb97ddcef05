import { ROLES } from '@govdisc/contracts';
import { ROLE_LABELS, roleLabel } from './roles';

test('every realm role has its own Chinese label', () => {
  const labels = ROLES.map((r) => ROLE_LABELS[r]);
  for (const label of labels) expect(label).toMatch(/^[\u4e00-\u9fa5]+$/);
  expect(new Set(labels).size).toBe(ROLES.length);
  expect(roleLabel('dept-officer')).toBe('部门办理人员');
  expect(roleLabel('some-new-role')).toBe('some-new-role');
});
