import { z } from 'zod';
import { IsoDateTime, Page, pageOf } from '../common.js';

/** The moment `openNow` is judged at (default: now), e.g. to plan a visit. */
const At = IsoDateTime.optional().describe('判断是否开放的时刻（ISO 8601，默认当前时间）');
import { defineRpc } from '../define.js';
import { EDITORS, PUBLIC, REVIEWERS } from '../roles.js';
import { GuideAuthorshipFields, GuideStatus, SiteId } from './matter.js';

/** 服务场所: a government service hall (政务服务中心) or station (便民服务站) where matters are handled. */
export const SiteLevel = z.enum(['市', '区', '街道', '社区']);
const hhmm = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$/, '时间格式应为 HH:MM');
/** One opening period on a weekday (1 = Monday … 7 = Sunday), local time (Asia/Shanghai). */
export const OpeningPeriod = z
  .strictObject({ weekday: z.number().int().min(1).max(7), open: hhmm, close: hhmm })
  .refine((p) => p.open < p.close, { message: '结束时间须晚于开始时间', path: ['close'] });
export const Latitude = z.coerce
  .number({ error: '纬度须为数字' })
  .min(-90, '纬度须在 -90 到 90 之间')
  .max(90, '纬度须在 -90 到 90 之间')
  .describe('纬度，WGS-84（GPS 坐标；高德/腾讯地图的 GCJ-02 坐标须先转换）');
export const Longitude = z.coerce
  .number({ error: '经度须为数字' })
  .min(-180, '经度须在 -180 到 180 之间')
  .max(180, '经度须在 -180 到 180 之间')
  .describe('经度，WGS-84');

export const UpsertServiceSiteReq = z.strictObject({
  id: SiteId,
  name: z.string().trim().min(1).max(200),
  level: SiteLevel,
  address: z.string().trim().min(1).max(500),
  district: z.string().trim().min(1).max(100),
  phones: z
    .array(
      z
        .string()
        .trim()
        .regex(/^[0-9+\-() ]{3,30}$/, '电话号码格式不正确'),
    )
    .max(10)
    .default([]),
  /** WGS-84 (the datum of GPS and of the browser's geolocation) */
  lat: Latitude,
  lng: Longitude,
  weeklyHours: z.array(OpeningPeriod).max(50).default([]).describe('每周开放时间；法定节假日闭馆，调休上班日按周一时间开放'),
  openOnHolidays: z.boolean().default(false).describe('节假日照常开放（如 24 小时自助服务区）'),
  hoursNote: z.string().trim().max(1_000).default(''),
});
export type UpsertServiceSiteReq = z.input<typeof UpsertServiceSiteReq>;

export const ServiceSiteView = z.object({
  id: z.string(),
  name: z.string(),
  level: SiteLevel,
  address: z.string(),
  district: z.string(),
  phones: z.array(z.string()),
  lat: z.number(),
  lng: z.number(),
  /** the datum of lat/lng: always WGS-84 */
  datum: z.literal('WGS-84'),
  weeklyHours: z.array(z.object({ weekday: z.number().int(), open: z.string(), close: z.string() })),
  openOnHolidays: z.boolean(),
  hoursNote: z.string(),
  /** open at the time of the request (official holidays closed, make-up working days open with Monday's hours) */
  openNow: z.boolean(),
  /** the published matters handled here (detail only; empty in lists) */
  matters: z.array(z.object({ code: z.string(), name: z.string() })),
  status: GuideStatus,
  updatedAt: IsoDateTime,
  ...GuideAuthorshipFields,
});

export const upsertServiceSite = defineRpc('rpc.guide.site.upsert', {
  access: EDITORS,
  request: UpsertServiceSiteReq,
  response: ServiceSiteView,
});
export const publishServiceSite = defineRpc('rpc.guide.site.publish', {
  access: REVIEWERS,
  request: z.strictObject({ id: SiteId }),
  response: ServiceSiteView,
});
export const getServiceSite = defineRpc('rpc.guide.site.get', {
  access: PUBLIC,
  request: z.strictObject({ id: SiteId, at: At }),
  response: ServiceSiteView,
});
export const listServiceSites = defineRpc('rpc.guide.site.list', {
  access: PUBLIC,
  request: Page.extend({ district: z.string().trim().min(1).max(100).optional(), level: SiteLevel.optional(), at: At }).strict(),
  response: pageOf(ServiceSiteView),
});
export const NearestSitesReq = z.strictObject({
  lat: Latitude,
  lng: Longitude,
  limit: z.coerce.number().int().min(1).max(50).default(5),
  /** only sites open now */
  openNow: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .or(z.boolean())
    .default(false),
  /** only sites handling this matter */
  matter: SiteId.optional(),
  at: At,
});
export const nearestServiceSites = defineRpc('rpc.guide.site.nearest', {
  access: PUBLIC,
  request: NearestSitesReq,
  response: z.object({
    items: z.array(ServiceSiteView.omit({ matters: true }).extend({ distanceMeters: z.number().int() })),
  }),
});
