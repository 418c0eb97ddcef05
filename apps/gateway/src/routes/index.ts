import { auditRoutes } from './audit.routes.js';
import { disclosureRoutes } from './disclosure.routes.js';
import { guideRoutes } from './guides.routes.js';
import { healthRoutes } from './health.routes.js';
import { notificationRoutes } from './notifications.routes.js';
import { policyRoutes } from './policies.routes.js';
import { qaRoutes } from './qa.routes.js';
import { searchRoutes } from './search.routes.js';
import type { TaggedRoute } from './route-table.js';
import { subscriptionRoutes } from './subscriptions.routes.js';
import { topicRoutes } from './topics.routes.js';
import { userRoutes } from './users.routes.js';
import { webhookRoutes } from './webhooks.routes.js';

/** Every public route of the gateway, one row each (see route-table.ts). */
export const ROUTES: readonly TaggedRoute[] = [
  ...healthRoutes,
  ...policyRoutes,
  ...qaRoutes,
  ...guideRoutes,
  ...topicRoutes,
  ...searchRoutes,
  ...disclosureRoutes,
  ...notificationRoutes,
  ...subscriptionRoutes,
  ...webhookRoutes,
  ...auditRoutes,
  ...userRoutes,
];
