import { type ApplicantAddress, DISCLOSURE_DEPARTMENTS, Role } from '@govdisc/contracts';
import type { Recipient } from '../inbox/recipient.js';
import type { Audience } from './template-engine.js';

interface Addressable {
  applicant?: ApplicantAddress;
  department?: string | null;
  /** A Q&A pair's owning department (free text: a registered department's code or name, or another). */
  ownerDepartment?: string | null;
}

/**
 * The inbox recipients of an audience for one event. The applicant is the request's own account
 * (absent for anonymous and staff-registered requests); a department notice goes to the officers
 * of that department; a department-editors notice goes to the editors of the department (a registered
 * department's code or name, e.g. a guide's 实施主体 "市人力资源和社会保障局" → hrss, or a Q&A pair's owning
 * department), or to all editors
 * when the department is not one the identity provider knows (nobody would read it otherwise); the
 * others are roles.
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
    case 'department-editors': {
      const code = departmentCode(payload.department ?? payload.ownerDepartment);
      return [code ? { role: Role.Editor, department: code } : { role: Role.Editor }];
    }
    case 'admins':
      return [{ role: Role.Admin }];
  }
}

/** The email address of an audience: only applicants give one (on the request). */
export function emailAddress(audience: Audience, payload: Addressable): string | null {
  return audience === 'applicant' ? (payload.applicant?.email ?? null) : null;
}

/** A registered department's code from its code or its name (as guides name their 实施主体), else null. */
export function departmentCode(department: string | null | undefined): string | null {
  if (!department) return null;
  return DISCLOSURE_DEPARTMENTS.find((d) => d.code === department || d.name === department)?.code ?? null;
}
