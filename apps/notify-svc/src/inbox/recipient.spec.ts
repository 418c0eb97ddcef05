import { Role } from '@govdisc/contracts';
import { recipientColumns, recipientKey, visibleTo } from './recipient.js';

test('each kind of recipient has its own key, so one event can reach a person and a group once each', () => {
  expect(recipientKey({ sub: 'abc' })).toBe('user:abc');
  expect(recipientKey({ role: Role.DisclosureOfficer })).toBe('role:disclosure-officer');
  expect(recipientKey({ role: Role.DeptOfficer, department: 'edu' })).toBe('role:dept-officer@edu');
  expect(recipientColumns({ role: Role.DeptOfficer, department: 'edu' })).toEqual({
    recipientSub: null,
    recipientRole: 'dept-officer',
    recipientDepartment: 'edu',
    recipientKey: 'role:dept-officer@edu',
  });
});

test("a reader's filter names their sub, their roles, and their department only together with those roles", () => {
  expect(visibleTo({ sub: 's1', roles: ['dept-officer'], department: 'edu' })).toEqual({
    OR: [
      { recipientSub: 's1' },
      { recipientRole: { in: ['dept-officer'] }, recipientDepartment: null },
      { recipientRole: { in: ['dept-officer'] }, recipientDepartment: 'edu' },
    ],
  });
  // Without a department claim, department notices are out of reach.
  expect(visibleTo({ sub: 's2', roles: ['citizen'] }).OR).toHaveLength(2);
});
