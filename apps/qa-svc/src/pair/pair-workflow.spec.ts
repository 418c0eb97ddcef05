import { ErrorCode } from '@govdisc/contracts';
import { nextStatus } from './pair-workflow.js';

const editor = { sub: 'e1', roles: ['editor'] };
const reviewer = { sub: 'r1', roles: ['reviewer'] };
const admin = { sub: 'a1', roles: ['admin'] };
const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as { code: string }).code;
  }
  return 'none';
};

test('a draft goes to review, and a different reviewer publishes it', () => {
  expect(nextStatus({ status: 'DRAFT', action: 'SUBMIT', actor: editor, lastEditorSub: 'e1' })).toBe('IN_REVIEW');
  expect(nextStatus({ status: 'IN_REVIEW', action: 'APPROVE', actor: reviewer, lastEditorSub: 'e1' })).toBe('PUBLISHED');
  expect(nextStatus({ status: 'IN_REVIEW', action: 'REJECT', actor: reviewer, lastEditorSub: 'e1' })).toBe('DRAFT');
  expect(nextStatus({ status: 'NEEDS_UPDATE', action: 'SUBMIT', actor: editor, lastEditorSub: 'e1' })).toBe('IN_REVIEW');
});

test('wrong state, missing role and self-review are refused with their own codes', () => {
  expect(codeOf(() => nextStatus({ status: 'PUBLISHED', action: 'SUBMIT', actor: editor, lastEditorSub: 'e1' }))).toBe(
    ErrorCode.QA_TRANSITION_NOT_ALLOWED,
  );
  expect(codeOf(() => nextStatus({ status: 'IN_REVIEW', action: 'APPROVE', actor: editor, lastEditorSub: 'x' }))).toBe(ErrorCode.FORBIDDEN);
  expect(codeOf(() => nextStatus({ status: 'IN_REVIEW', action: 'APPROVE', actor: reviewer, lastEditorSub: 'r1' }))).toBe(
    ErrorCode.QA_SELF_REVIEW,
  );
  // No admin exception: whoever wrote a version never publishes it (issue 11.2).
  expect(codeOf(() => nextStatus({ status: 'IN_REVIEW', action: 'APPROVE', actor: admin, lastEditorSub: 'a1' }))).toBe(
    ErrorCode.QA_SELF_REVIEW,
  );
  expect(nextStatus({ status: 'IN_REVIEW', action: 'APPROVE', actor: admin, lastEditorSub: 'e1' })).toBe('PUBLISHED');
  expect(codeOf(() => nextStatus({ status: 'RETIRED', action: 'RETIRE', actor: admin, lastEditorSub: 'a1' }))).toBe(
    ErrorCode.QA_TRANSITION_NOT_ALLOWED,
  );
});
