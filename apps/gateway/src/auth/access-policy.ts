import { CONTENT_STAFF, EDITORS, REVIEWERS } from '@govdisc/contracts';

/**
 * The authorization matrix: every API route has a key here, and the key says who may call it.
 * `public` routes need no token (a token, if sent, is still verified and identifies the caller).
 * The guard enforces this table and a test walks every route × every role against it.
 */
export const ROLES = [
  'citizen',
  'enterprise',
  'editor',
  'reviewer',
  'dept-officer',
  'hotline-operator',
  'disclosure-officer',
  'admin',
] as const;
export type Role = (typeof ROLES)[number];

export const PUBLIC = 'public' as const;
export const AUTHENTICATED = 'authenticated' as const;
export type Access = typeof PUBLIC | typeof AUTHENTICATED | readonly Role[];

const staffEditors = EDITORS;
const reviewers = REVIEWERS;

export const accessPolicy = {
  'health.read': PUBLIC,
  'policies.list': PUBLIC,
  'policies.get': PUBLIC,
  'policies.create': staffEditors,
  'policies.publish': reviewers,
  'policies.search': PUBLIC,
  'policies.suggest': PUBLIC,
  'policies.searchRebuild': ['admin'],
  'policies.changeValidity': reviewers,
  'policies.import': staffEditors,
  'policies.importJob': staffEditors,
  // Four eyes: the importer (an editor) never publishes the import; a reviewer does.
  'policies.importPublish': reviewers,
  'policies.classify': staffEditors,
  'policies.related': PUBLIC,
  'policies.searchClick': PUBLIC,
  'policies.searchAnalytics': staffEditors,
  'policies.bestBets': staffEditors,
  'qa.list': PUBLIC,
  'qa.get': PUBLIC,
  'qa.upsert': CONTENT_STAFF,
  'qa.transition': CONTENT_STAFF,
  'qa.history': CONTENT_STAFF,
  'qa.import': CONTENT_STAFF,
  'qa.feedback': PUBLIC,
  'qa.ask': PUBLIC,
  'qa.extract': CONTENT_STAFF,
  'qa.unanswered': ['editor', 'reviewer', 'hotline-operator', 'admin'],
  'qa.feedbackStats': CONTENT_STAFF,
  'qa.topics': PUBLIC,
  'qa.topicsReorder': staffEditors,
  'guides.list': PUBLIC,
  'guides.get': PUBLIC,
  'guides.upsert': staffEditors,
  'guides.publish': reviewers,
  'disclosure.submit': PUBLIC,
  'disclosure.track': PUBLIC,
  'disclosure.withdraw': PUBLIC,
  'disclosure.queue': ['disclosure-officer', 'dept-officer', 'admin'],
  'disclosure.get': ['disclosure-officer', 'dept-officer', 'admin'],
  'disclosure.act': ['disclosure-officer', 'dept-officer', 'admin'],
  'disclosure.report': ['disclosure-officer', 'admin'],
  'calendar.addWorkingDays': PUBLIC,
  'notifications.list': AUTHENTICATED,
  'audit.list': ['admin'],
} as const satisfies Record<string, Access>;

export type RouteKey = keyof typeof accessPolicy;

/** Whether an actor with these roles may use the route (public routes: everyone). */
export function isAllowed(key: RouteKey, roles: readonly string[], authenticated: boolean): boolean {
  const access: Access = accessPolicy[key];
  if (access === PUBLIC) return true;
  if (!authenticated) return false;
  if (access === AUTHENTICATED) return true;
  return access.some((role) => roles.includes(role));
}
