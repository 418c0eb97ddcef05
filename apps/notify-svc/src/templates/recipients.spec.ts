import { Role, matterNeedsUpdate } from '@govdisc/contracts';
import { departmentCode, inboxRecipients } from './recipients.js';
import { render } from './template-engine.js';
import { TEMPLATES } from './templates.js';

test("a guide's needs-update notice goes to the editors of its department, by the department's code or name", () => {
  expect(inboxRecipients('department-editors', { department: '市人力资源和社会保障局' })).toEqual([
    { role: Role.Editor, department: 'hrss' },
  ]);
  expect(inboxRecipients('department-editors', { department: 'edu' })).toEqual([{ role: Role.Editor, department: 'edu' }]);
  // a department the identity provider does not know: every editor, or nobody would read it
  expect(inboxRecipients('department-editors', { department: '江东市住房公积金管理中心' })).toEqual([{ role: Role.Editor }]);
  // a Q&A pair's owning department, the same way
  expect(inboxRecipients('department-editors', { ownerDepartment: 'hrss' })).toEqual([{ role: Role.Editor, department: 'hrss' }]);
  expect(inboxRecipients('department-editors', { ownerDepartment: null })).toEqual([{ role: Role.Editor }]);
  expect(departmentCode(null)).toBeNull();
});

test('the guide needs-update notice reads in Chinese with the guide, its code and what happened to the policy', () => {
  const [t] = TEMPLATES.filter((x) => x.event.type === matterNeedsUpdate.type);
  const event = matterNeedsUpdate.make(
    {
      matterId: '00000000-0000-4000-8000-000000000001',
      code: 'JD-RS-001',
      name: '稳岗返还申领',
      department: '市人力资源和社会保障局',
      documentId: '00000000-0000-4000-8000-000000000002',
      reason: 'REPEALED',
    },
    { source: 'test', correlationId: 'c' },
  );
  expect([t!.audience, t!.channel]).toEqual(['department-editors', 'inbox']);
  expect(render(t!, event.payload)).toEqual({
    title: '办事指南需核对：稳岗返还申领（JD-RS-001）',
    body: '致市人力资源和社会保障局：办事指南“稳岗返还申领”（事项编码 JD-RS-001）设定依据引用的政策已废止，请核对指南内容，修改或确认后重新保存。',
  });
});
