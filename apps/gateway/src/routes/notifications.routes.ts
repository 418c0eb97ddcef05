import {
  ADMINS,
  AUTHENTICATED,
  getChannelMetrics,
  listDeliveries,
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
    key: 'notifications.admin',
    method: 'GET',
    path: '/notifications/deliveries',
    access: ADMINS,
    rpc: listDeliveries,
    input: 'query',
    summary: 'Delivery log of email, SMS and WeChat messages (status, attempts, last error, provider), by channel, status or event',
  },
  {
    key: 'notifications.admin',
    method: 'GET',
    path: '/notifications/channel-metrics',
    access: ADMINS,
    rpc: getChannelMetrics,
    summary: 'Per channel (inbox, email, sms, wechat, webhook): sent, failed, retrying, pending and lag',
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
