import { type ApplicantAddress, Role } from '@govdisc/contracts';
import type { Recipient } from '../inbox/recipient.js';
import type { Audience } from './template-engine.js';

interface Addressable {
  applicant?: ApplicantAddress;
  department?: string | null;
}

/**
 * The inbox recipients of an audience for one event. The applicant is the request's own account
 * (absent for anonymous and staff-registered requests); a department notice goes to the officers
 * of that department; the others are roles.
 */
export function inboxRecipients(audience: Audience, payload: Addressable): Recipient[] {
  switch (audience) {
    case 'applicant':
      return payload.applicant?.sub ? [{ sub: payload.applicant.sub }] : [];
    case 'department':
      return payload.department ? [{ role: Role.DeptOfficer, department: payload.department }] : [];
    case 'gio':
      return [{ role: Role.DisclosureOfficer }];
    case 'editors':
      return [{ role: Role.Editor }];
    case 'admins':
      return [{ role: Role.Admin }];
  }
}

/** The email address of an audience: only applicants give one (on the request). */
export function emailAddress(audience: Audience, payload: Addressable): string | null {
  return audience === 'applicant' ? (payload.applicant?.email ?? null) : null;
}
