import { z } from 'zod';
import { IsoDateTime, Page, pageOf } from '../common.js';
import { defineRpc } from '../define.js';
import { EDITORS, PUBLIC, REVIEWERS } from '../roles.js';
import { GuideAuthorshipFields, GuideMatterView, GuideStatus, MaterialForm, MatterCode } from './matter.js';

/** 一件事: several matters a person needs for one life or business event, handled together. */
export const UpsertGuideBundleReq = z.strictObject({
  code: MatterCode.describe('一件事编码'),
  name: z.string().trim().min(1).max(200),
  description: z.string().trim().max(5_000).default(''),
  matterCodes: z
    .array(MatterCode)
    .min(1, '至少包含一个事项')
    .max(50)
    .refine((codes) => new Set(codes).size === codes.length, '事项不能重复')
    .describe('按办理顺序排列的事项编码'),
  topics: z
    .array(
      z
        .string()
        .trim()
        .regex(/^[a-z0-9-]{1,50}$/),
    )
    .max(20)
    .default([]),
});
export type UpsertGuideBundleReq = z.input<typeof UpsertGuideBundleReq>;

const BundleFields = {
  code: z.string(),
  name: z.string(),
  description: z.string(),
  matterCodes: z.array(z.string()),
  topics: z.array(z.string()),
  status: GuideStatus,
  updatedAt: IsoDateTime,
  ...GuideAuthorshipFields,
};
export const GuideBundleSummary = z.object(BundleFields);

/** A material several matters of the bundle need is listed once, naming the matters that need it. */
export const BundleMaterial = z.object({
  name: z.string(),
  form: MaterialForm,
  originals: z.number().int(),
  copies: z.number().int(),
  /** required by at least one of `neededBy` (otherwise only in the conditions given) */
  required: z.boolean(),
  conditions: z.array(z.string()),
  exemptedBySharedData: z.boolean(),
  templateUrl: z.string().optional(),
  neededBy: z.array(z.object({ code: z.string(), name: z.string() })),
});
export const GuideBundleView = GuideBundleSummary.extend({
  /** the bundle's matters in order (published ones only for the public) */
  matters: z.array(GuideMatterView),
  materials: z.array(BundleMaterial),
  /** sum of the matters' promised working days (matters without one count 0; see `daysUnknownFor`) */
  totalPromisedDays: z.number().int(),
  daysUnknownFor: z.array(z.string()),
  /** where to start: the first matter's online entry, else its first site */
  start: z.object({
    matterCode: z.string(),
    onlineUrl: z.string().nullable(),
    onlineDepth: z.string(),
    site: z.object({ id: z.string(), name: z.string(), address: z.string() }).nullable(),
  }),
});

export const upsertGuideBundle = defineRpc('rpc.guide.bundle.upsert', {
  access: EDITORS,
  request: UpsertGuideBundleReq,
  response: GuideBundleSummary,
});
export const publishGuideBundle = defineRpc('rpc.guide.bundle.publish', {
  access: REVIEWERS,
  request: z.strictObject({ code: MatterCode }),
  response: GuideBundleSummary,
});
export const getGuideBundle = defineRpc('rpc.guide.bundle.get', {
  access: PUBLIC,
  request: z.strictObject({ code: MatterCode }),
  response: GuideBundleView,
});
export const listGuideBundles = defineRpc('rpc.guide.bundle.list', {
  access: PUBLIC,
  request: Page.strict(),
  response: pageOf(GuideBundleSummary),
});
