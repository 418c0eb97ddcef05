import { z } from 'zod';
import { IsoDateTime, Uuid } from '../common.js';
import { defineRpc } from '../define.js';
import { SUBSCRIBERS } from '../roles.js';

/**
 * The citizen topics (qa_topic codes, seeded by qa-svc's added_qa_workflow migration) a person may subscribe to.
 * Policy events carry the same codes in `topicCodes`.
 */
export const CITIZEN_TOPICS = [
  { code: 'enterprise-support', name: '惠企政策' },
  { code: 'subsidies', name: '资金奖补' },
  { code: 'education', name: '教育' },
  { code: 'medical', name: '医疗' },
  { code: 'social-insurance', name: '社保' },
  { code: 'employment', name: '就业' },
  { code: 'housing-fund', name: '住房公积金' },
  { code: 'real-estate', name: '不动产' },
  { code: 'household-registration', name: '户籍' },
  { code: 'transport', name: '交通' },
  { code: 'elderly-care', name: '养老' },
  { code: 'marriage-birth', name: '婚育' },
  { code: 'disability', name: '残疾人' },
  { code: 'tax', name: '税务' },
  { code: 'entrepreneurship', name: '创业' },
  { code: 'talent', name: '人才' },
  { code: 'open-government', name: '政府信息公开' },
] as const;

/** At most this many subscriptions per person (each one is matched against every policy change). */
export const MAX_SUBSCRIPTIONS_PER_PERSON = 50;

export const SubscriptionKind = z.enum(['topic', 'agency', 'region', 'query']);
export type SubscriptionKind = z.infer<typeof SubscriptionKind>;

export const CreateSubscriptionReq = z.strictObject({
  kind: SubscriptionKind.describe('topic 主题 | agency 发文机关 | region 地区 | query 保存的搜索'),
  value: z
    .string('请填写订阅内容。')
    .trim()
    .min(1, '请填写订阅内容。')
    .max(100, '订阅内容不能超过 100 个字。')
    .describe('topic: a topic code (housing-fund…); agency: 发文机关全称; region: 地区名; query: 关键词'),
});

export const SubscriptionView = z.object({
  id: Uuid,
  kind: SubscriptionKind,
  value: z.string(),
  /** What the person sees: the topic's name, or the value itself. */
  label: z.string(),
  createdAt: IsoDateTime,
});
export type SubscriptionView = z.infer<typeof SubscriptionView>;

export const listSubscriptions = defineRpc('rpc.notify.subscription.list', {
  access: SUBSCRIBERS,
  request: z.strictObject({}),
  response: z.object({ items: z.array(SubscriptionView), limit: z.number().int() }),
});
export const createSubscription = defineRpc('rpc.notify.subscription.create', {
  access: SUBSCRIBERS,
  request: CreateSubscriptionReq,
  response: SubscriptionView,
});
export const deleteSubscription = defineRpc('rpc.notify.subscription.delete', {
  access: SUBSCRIBERS,
  request: z.strictObject({ subscriptionId: z.uuid('请提供有效的订阅编号。') }),
  response: z.object({ id: Uuid, deleted: z.literal(true) }),
});

const HourMinute = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 HH:MM（24 小时制），例如 22:00。');

export const NotificationChannels = z.strictObject({
  inbox: z.boolean().describe('站内消息'),
  email: z.boolean().describe('电子邮件'),
  sms: z.boolean().describe('短信'),
  wechat: z.boolean().describe('微信订阅消息'),
});

export const NotificationPreferences = z.strictObject({
  channels: NotificationChannels,
  email: z.email('请填写有效的邮箱地址。').max(254).nullable(),
  phone: z
    .string()
    .regex(/^1[3-9]\d{9}$/, '请填写有效的 11 位手机号码。')
    .nullable(),
  wechatOpenId: z.string().trim().min(1).max(128).nullable().describe('公众号/小程序的 OpenID'),
  /** Asia/Shanghai; during these hours email, SMS and WeChat pushes wait until the end (the inbox is silent anyway). */
  quietHours: z
    .strictObject({ start: HourMinute, end: HourMinute })
    .refine((q) => q.start !== q.end, { message: '免打扰开始和结束时间不能相同。' })
    .nullable(),
  /** Policy pushes batched into one daily message at this hour (Asia/Shanghai), instead of one message per policy. */
  digestHour: z.number().int().min(0, '汇总时间应在 0–23 点之间。').max(23, '汇总时间应在 0–23 点之间。').nullable(),
  /** 退订全部：no policy push on any channel (subscriptions are kept, so turning it off again resumes them). */
  optedOut: z.boolean(),
});
export type NotificationPreferences = z.infer<typeof NotificationPreferences>;

export const DEFAULT_NOTIFICATION_PREFERENCES: NotificationPreferences = {
  channels: { inbox: true, email: false, sms: false, wechat: false },
  email: null,
  phone: null,
  wechatOpenId: null,
  quietHours: null,
  digestHour: null,
  optedOut: false,
};

export const getNotificationPreferences = defineRpc('rpc.notify.preferences.get', {
  access: SUBSCRIBERS,
  request: z.strictObject({}),
  response: NotificationPreferences,
});
export const updateNotificationPreferences = defineRpc('rpc.notify.preferences.update', {
  access: SUBSCRIBERS,
  request: NotificationPreferences,
  response: NotificationPreferences,
});
