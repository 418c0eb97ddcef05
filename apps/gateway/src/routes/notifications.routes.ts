import { AUTHENTICATED, listNotifications } from '@govdisc/contracts';
import { routes } from './route-table.js';

export const notificationRoutes = routes('notifications', [
  { key: 'notifications.list', method: 'GET', path: '/notifications', access: AUTHENTICATED, rpc: listNotifications, input: 'query', summary: 'In-app notifications (paged)' },
]);
