import { api } from '../../../../lib/api';
import { fieldErrorsOf } from '../../../../lib/api-errors';
import { backWithErrors, seeOther, signedInForm } from '../../../../lib/form-post';
import { field } from '../../../../lib/site';
import { loginHref } from '../../../../lib/signed-in';
import { type OtherKind, OTHER_KINDS } from '../subscription-form';

const PAGE = '/me/subscriptions';

/**
 * 订阅主题 / 添加订阅: a form POST with the session's CSRF token. The gateway (notify-svc) holds the rules
 * (the 50 limit, duplicates, known topics, searchable words); its Chinese messages go back to the field
 * the person used.
 */
export async function POST(request: Request): Promise<Response> {
  const form = await signedInForm(request, PAGE);
  if (form instanceof Response) return form;
  const isTopic = field(form, 'form') === 'topic';
  const topic = field(form, 'topic');
  const kind = field(form, 'kind');
  const value = field(form, 'value');
  const values: Record<string, string> = isTopic ? { topic } : { kind, value };
  if (isTopic && !topic) return backWithErrors(PAGE, { topic: '请选择要订阅的主题。' }, values);
  if (!isTopic && !OTHER_KINDS.includes(kind as OtherKind)) {
    return backWithErrors(PAGE, { kind: '请选择订阅类型：发文机关、地区或关键词。' }, values);
  }
  const body = isTopic ? { kind: 'topic' as const, value: topic } : { kind: kind as OtherKind, value };
  const { data, error, response } = await (await api()).POST('/api/v1/subscriptions', { body });
  if (response.status === 401) return seeOther(loginHref(PAGE));
  if (data) return seeOther(`${PAGE}?done=added`);
  const target = isTopic ? 'topic' : 'value';
  const errors = fieldErrorsOf(error, response.status, { fallback: target, fields: { kind: isTopic ? 'topic' : 'kind', value: target } });
  return backWithErrors(PAGE, errors, values);
}
