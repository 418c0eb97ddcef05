import { departmentSubject, toDepartmentEvent } from './department-events.js';

const envelope = (type: string, payload: unknown) => ({
  id: '0b4f3d0e-8c1a-4a43-9d55-3f0e8a2b7c11',
  type,
  time: '2026-06-01T02:00:00.000Z',
  payload,
});

test('the department view drops the applicant, the tracking code and contact fields at any depth', () => {
  const e = toDepartmentEvent(
    envelope('disclosure.request.replied', {
      requestNumber: '2026-000001',
      agency: '江东市人民政府',
      department: 'edu',
      outcome: 'DISCLOSED',
      applicant: { sub: 'sub-1', email: 'a@example.com' },
      trackingCode: 'SECRET2345AB',
      extra: { contactPhone: '13800000000', note: '保留' },
    }),
  );
  expect(e).toEqual({
    id: '0b4f3d0e-8c1a-4a43-9d55-3f0e8a2b7c11',
    type: 'disclosure.request.replied',
    occurredAt: '2026-06-01T02:00:00.000Z',
    requestNumber: '2026-000001',
    department: 'edu',
    data: { requestNumber: '2026-000001', agency: '江东市人民政府', department: 'edu', outcome: 'DISCLOSED', extra: { note: '保留' } },
  });
  expect(JSON.stringify(e)).not.toMatch(/a@example\.com|sub-1|SECRET2345AB|13800000000/);
});

test('events without a department, and types departments do not get, have no department view', () => {
  expect(toDepartmentEvent(envelope('disclosure.request.submitted', { requestNumber: '2026-1', department: null }))).toBeNull();
  expect(toDepartmentEvent(envelope('policy.document.published', { requestNumber: '2026-1', department: 'edu' }))).toBeNull();
  expect(departmentSubject('edu', 'disclosure.request.assigned')).toBe('dept.edu.disclosure.request.assigned');
});
