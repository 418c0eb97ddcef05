/**
 * The platform's one role vocabulary: the realm roles of `infra/keycloak/realm-govdisc.json`
 * (a test keeps the two equal), the named sets every access rule is written with, and the
 * predicates services use. The gateway's access matrix, the RPC contracts' `access` and the
 * services' own checks all say who may do what with these names, so "staff" cannot mean four
 * different things in four files again.
 */
export const Role = {
  Citizen: 'citizen',
  Enterprise: 'enterprise',
  Editor: 'editor',
  Reviewer: 'reviewer',
  /** Scoped by the token's `department` claim: sees and acts on its own department's requests only. */
  DeptOfficer: 'dept-officer',
  HotlineOperator: 'hotline-operator',
  /** The government information office (政府信息公开工作机构) handling disclosure requests. */
  DisclosureOfficer: 'disclosure-officer',
  Admin: 'admin',
} as const;
export type Role = (typeof Role)[keyof typeof Role];

/** Every realm role the platform knows; any other role in a token (Keycloak's defaults) is dropped. */
export const ROLES: readonly Role[] = Object.values(Role);

export const ADMINS = [Role.Admin] as const satisfies readonly Role[];
/** Write content (policy documents, Q&A pairs, service guides, best bets, imports). */
export const EDITORS = [Role.Editor, Role.Admin] as const satisfies readonly Role[];
/** Sign content off: publish, approve, change a policy's validity (never their own version: four eyes). */
export const REVIEWERS = [Role.Reviewer, Role.Admin] as const satisfies readonly Role[];
/** Everyone who works on content: they see drafts and pending edits. */
export const CONTENT_STAFF = [Role.Editor, Role.Reviewer, Role.Admin] as const satisfies readonly Role[];
/** Who reads the questions 一号答 could not answer: content staff, and the 12345 hotline feeding them. */
export const UNANSWERED_READERS = [Role.Editor, Role.Reviewer, Role.HotlineOperator, Role.Admin] as const satisfies readonly Role[];
/** The government information office: handles every disclosure request, registers paper ones, reports. */
export const GIO_OFFICERS = [Role.DisclosureOfficer, Role.Admin] as const satisfies readonly Role[];
/** Everyone who handles disclosure requests: the office, and department officers for their department. */
export const DISCLOSURE_STAFF = [Role.DisclosureOfficer, Role.DeptOfficer, Role.Admin] as const satisfies readonly Role[];
/** The public with an account: citizens and enterprises subscribe to policy pushes (政策推送). */
export const SUBSCRIBERS = [Role.Citizen, Role.Enterprise] as const satisfies readonly Role[];
/** Every role that works for the government (all but the public's): their writes are audited. */
export const ALL_STAFF: readonly Role[] = ROLES.filter((r) => r !== Role.Citizen && r !== Role.Enterprise);

/** Who may call a route or an RPC: anyone, anyone signed in, or holders of one of the roles. */
export const PUBLIC = 'public' as const;
export const AUTHENTICATED = 'authenticated' as const;
export type Access = typeof PUBLIC | typeof AUTHENTICATED | readonly Role[];

interface HasRoles {
  readonly roles: readonly string[];
}

export const hasAnyRole = (actor: HasRoles | null | undefined, roles: readonly Role[]): boolean =>
  !!actor && roles.some((role) => actor.roles.includes(role));

/** Whether an access rule lets this caller through (null: anonymous). */
export function accessAllows(access: Access, actor: HasRoles | null | undefined): boolean {
  if (access === PUBLIC) return true;
  if (!actor) return false;
  return access === AUTHENTICATED || hasAnyRole(actor, access);
}

/** Editors, reviewers and admins: they see drafts; everyone else sees published content only. */
export const isContentStaff = (actor: HasRoles | null | undefined): boolean => hasAnyRole(actor, CONTENT_STAFF);
export const isReviewer = (actor: HasRoles | null | undefined): boolean => hasAnyRole(actor, REVIEWERS);
/** The government information office (disclosure officers, admins): every request, every department. */
export const isGio = (actor: HasRoles | null | undefined): boolean => hasAnyRole(actor, GIO_OFFICERS);
export const isDeptOfficer = (actor: HasRoles | null | undefined): boolean => hasAnyRole(actor, [Role.DeptOfficer]);
export const isDisclosureStaff = (actor: HasRoles | null | undefined): boolean => hasAnyRole(actor, DISCLOSURE_STAFF);
