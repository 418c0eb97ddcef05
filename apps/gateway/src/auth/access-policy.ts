import {
  ADMINS,
  AUTHENTICATED,
  type Access,
  CONTENT_STAFF,
  DISCLOSURE_STAFF,
  EDITORS,
  GIO_OFFICERS,
  PUBLIC,
  REVIEWERS,
  UNANSWERED_READERS,
  accessAllows,
} from '@govdisc/contracts';

// The role vocabulary lives in contracts (one for the gateway and every service); re-exported for the e2e matrix walk.
export { AUTHENTICATED, type Access, PUBLIC, ROLES, type Role } from '@govdisc/contracts';

/**
 * The authorization matrix: every API route has a key here, and the key says who may call it.
 * `public` routes need no token (a token, if sent, is still verified and identifies the caller).
 * The guard enforces this table and a test walks every route × every role against it. Each row
 * names a role set from contracts; `route-access.spec.ts` checks it equals the `access` of every
 * RPC the route calls, which is what the owning service enforces.
 */
export const accessPolicy = {
  'health.read': PUBLIC,
  'policies.list': PUBLIC,
  'policies.get': PUBLIC,
  'policies.create': EDITORS,
  'policies.publish': REVIEWERS,
  'policies.search': PUBLIC,
  'policies.suggest': PUBLIC,
  'policies.searchRebuild': ADMINS,
  'policies.changeValidity': REVIEWERS,
  'policies.import': EDITORS,
  'policies.importJob': EDITORS,
  // Four eyes: the importer (an editor) never publishes the import; a reviewer does.
  'policies.importPublish': REVIEWERS,
  'policies.classify': EDITORS,
  'policies.related': PUBLIC,
  'policies.searchClick': PUBLIC,
  'policies.searchAnalytics': EDITORS,
  'policies.bestBets': EDITORS,
  'qa.list': PUBLIC,
  'qa.get': PUBLIC,
  'qa.upsert': CONTENT_STAFF,
  'qa.transition': CONTENT_STAFF,
  'qa.history': CONTENT_STAFF,
  'qa.import': CONTENT_STAFF,
  'qa.feedback': PUBLIC,
  'qa.ask': PUBLIC,
  'qa.extract': CONTENT_STAFF,
  'qa.unanswered': UNANSWERED_READERS,
  'qa.feedbackStats': CONTENT_STAFF,
  'qa.topics': PUBLIC,
  'qa.topicsReorder': EDITORS,
  'guides.list': PUBLIC,
  'guides.get': PUBLIC,
  'guides.upsert': EDITORS,
  'guides.publish': REVIEWERS,
  'disclosure.submit': PUBLIC,
  'disclosure.track': PUBLIC,
  'disclosure.withdraw': PUBLIC,
  'disclosure.queue': DISCLOSURE_STAFF,
  'disclosure.get': DISCLOSURE_STAFF,
  'disclosure.act': DISCLOSURE_STAFF,
  'disclosure.report': GIO_OFFICERS,
  'calendar.addWorkingDays': PUBLIC,
  // The inbox is the caller's own: notify-svc filters by the token's sub, roles and department.
  'notifications.list': AUTHENTICATED,
  'notifications.markRead': AUTHENTICATED,
  'notifications.markAllRead': AUTHENTICATED,
  // The link in an email: mail providers post it without a token (the signed query token identifies the address).
  'notifications.unsubscribe': PUBLIC,
  'audit.list': ADMINS,
} as const satisfies Record<string, Access>;

export type RouteKey = keyof typeof accessPolicy;

/** Whether an actor with these roles may use the route (public routes: everyone). */
export function isAllowed(key: RouteKey, roles: readonly string[], authenticated: boolean): boolean {
  return accessAllows(accessPolicy[key], authenticated ? { roles } : null);
}
