import {
  SUBSCRIBERS,
  createSubscription,
  deleteSubscription,
  getNotificationPreferences,
  listSubscriptions,
  updateNotificationPreferences,
} from '@govdisc/contracts';
import { routes } from './route-table.js';

// Policy pushes (政策推送): a signed-in citizen's or enterprise's own subscriptions and notification
// preferences; notify-svc keys everything by the caller's sub, so nobody reaches another person's.
export const subscriptionRoutes = routes('subscriptions', [
  {
    key: 'subscriptions.manage',
    method: 'GET',
    path: '/subscriptions',
    access: SUBSCRIBERS,
    rpc: listSubscriptions,
    input: 'query',
    summary: "The caller's policy push subscriptions (topics, agencies, regions, saved searches) and the limit (50)",
  },
  {
    key: 'subscriptions.manage',
    method: 'POST',
    path: '/subscriptions',
    access: SUBSCRIBERS,
    rpc: createSubscription,
    input: 'body',
    summary: 'Subscribe to a topic code, an issuing agency, a region or a saved search (query)',
    example: { kind: 'topic', value: 'housing-fund' },
  },
  {
    key: 'subscriptions.manage',
    method: 'DELETE',
    path: '/subscriptions/:subscriptionId',
    access: SUBSCRIBERS,
    rpc: deleteSubscription,
    summary: "Delete one of the caller's subscriptions (another person's answers 404)",
  },
  {
    key: 'subscriptions.preferences',
    method: 'GET',
    path: '/notification-preferences',
    access: SUBSCRIBERS,
    rpc: getNotificationPreferences,
    summary: "The caller's channels, contacts, quiet hours (Asia/Shanghai), daily digest hour and opt-out",
  },
  {
    key: 'subscriptions.preferences',
    method: 'PUT',
    path: '/notification-preferences',
    access: SUBSCRIBERS,
    rpc: updateNotificationPreferences,
    input: 'body',
    summary: "Replace the caller's notification preferences (a channel that is on needs its contact)",
    example: {
      channels: { inbox: true, email: true, sms: false, wechat: false },
      email: 'zhangsan@example.com',
      phone: null,
      wechatOpenId: null,
      quietHours: { start: '22:00', end: '07:30' },
      digestHour: null,
      optedOut: false,
    },
  },
]);
