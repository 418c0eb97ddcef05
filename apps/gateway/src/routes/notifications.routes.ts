import {
  AUTHENTICATED,
  PUBLIC,
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
  unsubscribeEmail,
} from '@govdisc/contracts';
import { routes } from './route-table.js';

export const notificationRoutes = routes('notifications', [
  {
    key: 'notifications.list',
    method: 'GET',
    path: '/notifications',
    access: AUTHENTICATED,
    rpc: listNotifications,
    input: 'query',
    summary: "The caller's own inbox (paged, newest first) with the unread count",
  },
  {
    key: 'notifications.markAllRead',
    method: 'POST',
    path: '/notifications/read-all',
    access: AUTHENTICATED,
    rpc: markAllNotificationsRead,
    status: 200,
    summary: "Marks every notice in the caller's inbox read",
  },
  // RFC 8058 one-click unsubscribe: mail providers POST `List-Unsubscribe=One-Click` (form-encoded) to the
  // link of the email's List-Unsubscribe header, without signing in; the signed token in the query is all
  // that counts. Only POST acts: link scanners' GETs change nothing.
  {
    key: 'notifications.unsubscribe',
    method: 'POST',
    path: '/notifications/unsubscribe',
    access: PUBLIC,
    rpc: unsubscribeEmail,
    input: 'query',
    status: 200,
    summary: 'One-click email unsubscribe (RFC 8058) with the signed token from the List-Unsubscribe link',
  },
  {
    key: 'notifications.markRead',
    method: 'POST',
    path: '/notifications/:notificationId/read',
    access: AUTHENTICATED,
    rpc: markNotificationRead,
    status: 200,
    summary: "Marks one notice read (another person's notice answers 404, like an unknown id)",
  },
]);
