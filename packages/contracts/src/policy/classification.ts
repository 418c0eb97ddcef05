import { z } from 'zod';
import { Uuid } from '../common.js';
import { defineRpc } from '../define.js';
import { PolicyDocumentDetail } from './lifecycle.js';
import { EDITORS } from '../roles.js';
import { CitizenTopicCode } from '../topics.js';

/** The policy topic taxonomy (the 16 topic services of a city policy platform); policy-svc classifies into it. */
export const POLICY_TOPICS = [
  '企业扶持',
  '财政补贴',
  '税收',
  '就业创业',
  '社会保险',
  '医疗卫生',
  '疫情防控',
  '教育',
  '住房',
  '交通运输',
  '环境保护',
  '民政救助',
  '市场监管',
  '公共安全',
  '司法诉讼',
  '农业农村',
] as const;
export const PolicyTopic = z.enum(POLICY_TOPICS, { error: `主题须为以下之一：${POLICY_TOPICS.join('、')}` });
export type PolicyTopic = z.infer<typeof PolicyTopic>;

const Keyword = z
  .string()
  .trim()
  .min(1, '关键词不能为空')
  .max(30, '关键词最多 30 个字符')
  .regex(/^[^\s,，;；、]+$/u, '一个关键词不能含空格或分隔符');
const unique = <T>(items: T[]) => [...new Set(items)];

/**
 * An editor's keywords and/or topics for a document. A list replaces the computed one and is kept
 * through later re-imports and re-analysis; `null` drops the override and restores the computed value.
 */
export const SetPolicyClassificationReq = z
  .strictObject({
    documentId: Uuid,
    keywords: z.array(Keyword).max(20, '关键词最多 20 个').transform(unique).nullable().optional(),
    topics: z.array(PolicyTopic).max(3, '主题最多 3 个').transform(unique).nullable().optional(),
    topicCodes: z.array(CitizenTopicCode).max(3, '主题服务最多 3 个').transform(unique).nullable().optional(),
  })
  .refine((r) => r.keywords !== undefined || r.topics !== undefined || r.topicCodes !== undefined, {
    message: '请至少提供 keywords、topics 或 topicCodes 之一',
    path: ['keywords'],
  });
export type SetPolicyClassificationReq = z.output<typeof SetPolicyClassificationReq>;

export const setPolicyClassification = defineRpc('rpc.policy.document.classify', {
  access: EDITORS,
  request: SetPolicyClassificationReq,
  response: PolicyDocumentDetail,
});
