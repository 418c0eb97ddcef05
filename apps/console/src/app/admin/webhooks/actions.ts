'use server';
import { redirect } from 'next/navigation';
import { DEPARTMENT_EVENT_TYPES } from '@govdisc/contracts';
import { api } from '../../../lib/api';
import { checkCsrf } from '../../../lib/auth';
import { field } from '../../../lib/site';
import type { SecretState } from './labels';

const EXPIRED = '页面已过期，请刷新后重试。';
const failed = (e: { message?: string; code?: string } | undefined) =>
  `${e?.message ?? '服务暂时不可用，请稍后再试。'}（${e?.code ?? ''}）`;

/** 登记接收端: the new endpoint's signing secret is answered once, to this form only (never in a URL). */
export async function registerEndpoint(_prev: SecretState, form: FormData): Promise<SecretState> {
  if (!(await checkCsrf(form))) return { error: EXPIRED };
  const picked = form.getAll('eventTypes').filter((t): t is string => typeof t === 'string');
  const { data, error } = await (
    await api()
  ).POST('/api/v1/webhooks/endpoints', {
    body: {
      ...(field(form, 'department') ? { department: field(form, 'department') } : {}),
      url: field(form, 'url'),
      description: field(form, 'description'),
      eventTypes: picked.filter((t) => (DEPARTMENT_EVENT_TYPES as readonly string[]).includes(t)),
    } as never,
  });
  if (!data) return { error: failed(error) };
  return { done: `已登记接收端 ${data.url}`, secret: data.secret };
}

/** 更换签名密钥: the old one keeps signing for the chosen hours so the department can switch without a gap. */
export async function rotateSecret(_prev: SecretState, form: FormData): Promise<SecretState> {
  if (!(await checkCsrf(form))) return { error: EXPIRED };
  const { data, error } = await (
    await api()
  ).POST('/api/v1/webhooks/endpoints/{endpointId}/rotate-secret', {
    params: { path: { endpointId: field(form, 'endpointId') } },
    body: { previousValidForHours: Number(field(form, 'hours') || 24) } as never,
  });
  if (!data) return { error: failed(error) };
  return { done: `已更换密钥，旧密钥有效至 ${data.previousSecretExpiresAt?.slice(0, 16).replace('T', ' ') ?? '—'}`, secret: data.secret };
}

const back = (endpointId: string, key: 'done' | 'error', text: string): never =>
  redirect(`/admin/webhooks/${endpointId}?${key}=${encodeURIComponent(text)}`);

/** 停用 / 启用: a disabled endpoint gets nothing until it is enabled again (its failure run then starts afresh). */
export async function setEnabled(form: FormData): Promise<void> {
  const endpointId = field(form, 'endpointId');
  if (!(await checkCsrf(form))) back(endpointId, 'error', EXPIRED);
  const enabled = field(form, 'enabled') === 'true';
  const { error } = await (
    await api()
  ).PATCH('/api/v1/webhooks/endpoints/{endpointId}', { params: { path: { endpointId } }, body: { enabled } as never });
  if (error) back(endpointId, 'error', failed(error));
  back(endpointId, 'done', enabled ? '已启用' : '已停用');
}

/** 重新投递: a dead delivery goes out again (the receiver dedups by event id). */
export async function replayDelivery(form: FormData): Promise<void> {
  const endpointId = field(form, 'endpointId');
  if (!(await checkCsrf(form))) back(endpointId, 'error', EXPIRED);
  const { error } = await (
    await api()
  ).POST('/api/v1/webhooks/endpoints/{endpointId}/deliveries/{deliveryId}/replay', {
    params: { path: { endpointId, deliveryId: field(form, 'deliveryId') } },
  });
  if (error) back(endpointId, 'error', failed(error));
  back(endpointId, 'done', '已重新投递');
}
