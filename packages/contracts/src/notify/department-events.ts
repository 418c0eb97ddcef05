/**
 * Department integration: which disclosure facts leave the platform for a department's own system
 * (webhooks and NATS subjects), on which subject, and with what in them. Nothing here names the
 * applicant: `applicant` ({sub, email}), the private tracking code and any contact field are dropped.
 */

/** The disclosure event types a department system can receive (webhook filter values, subject tails). */
export const DEPARTMENT_EVENT_TYPES = [
  'disclosure.request.submitted',
  'disclosure.request.received',
  'disclosure.request.supplement-requested',
  'disclosure.request.accepted',
  'disclosure.request.assigned',
  'disclosure.request.consultation-requested',
  'disclosure.request.extended',
  'disclosure.request.fee-notified',
  'disclosure.request.due-soon',
  'disclosure.request.overdue',
  'disclosure.request.replied',
  'disclosure.request.closed',
  'disclosure.request.withdrawn',
] as const;
export type DepartmentEventType = (typeof DEPARTMENT_EVENT_TYPES)[number];

export const isDepartmentEventType = (type: string): type is DepartmentEventType =>
  (DEPARTMENT_EVENT_TYPES as readonly string[]).includes(type);

/** `dept.<department>.disclosure.request.<event>`: one subject tree per department, so NATS permissions can scope it. */
export const departmentSubject = (department: string, type: string): string => `dept.${department}.${type}`;

/** Fields that could identify or reach the applicant; dropped at any depth. */
const PERSONAL = new Set(['applicant', 'trackingCode', 'email', 'phone', 'mobile', 'address', 'contact', 'idNumber', 'name']);
const looksPersonal = (key: string) => PERSONAL.has(key) || /email|phone|mobile|contact|idnumber/i.test(key);

function strip(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(strip);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      .filter(([key]) => !looksPersonal(key))
      .map(([key, v]) => [key, strip(v)]),
  );
}

/** What a department system receives for one event (webhook body and dept.* payload alike). */
export interface DepartmentEvent {
  id: string;
  type: string;
  occurredAt: string;
  requestNumber: string;
  department: string;
  data: Record<string, unknown>;
}

/**
 * The department's view of a disclosure event: null when the event names no department (e.g. an
 * online submission not yet accepted) or is not a department event type.
 */
export function toDepartmentEvent(envelope: { id: string; type: string; time: string; payload: unknown }): DepartmentEvent | null {
  const payload = envelope.payload as { requestNumber?: unknown; department?: unknown } | null;
  if (!isDepartmentEventType(envelope.type) || typeof payload?.department !== 'string' || typeof payload.requestNumber !== 'string') {
    return null;
  }
  return {
    id: envelope.id,
    type: envelope.type,
    occurredAt: envelope.time,
    requestNumber: payload.requestNumber,
    department: payload.department,
    data: strip(payload) as Record<string, unknown>,
  };
}
