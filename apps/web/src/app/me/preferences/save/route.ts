import { api } from '../../../../lib/api';
import { fieldErrorsOf } from '../../../../lib/api-errors';
import { backWithErrors, seeOther, signedInForm } from '../../../../lib/form-post';
import { ISSUE_FIELD, missingContactErrors, preferencesBody, preferenceValues } from '../../../../lib/preferences-form';
import { loginHref } from '../../../../lib/signed-in';

const PAGE = '/me/preferences';

/**
 * 保存设置: a form POST with the session's CSRF token; the gateway (notify-svc) checks formats and that a
 * channel turned on has its contact, and its Chinese messages go back beside the fields.
 */
export async function POST(request: Request): Promise<Response> {
  const form = await signedInForm(request, PAGE);
  if (form instanceof Response) return form;
  const values = preferenceValues(form);
  const { data, error, response } = await (await api()).PUT('/api/v1/notification-preferences', { body: preferencesBody(values) });
  if (response.status === 401) return seeOther(loginHref(PAGE));
  if (data) return seeOther(`${PAGE}?done=saved`);
  const e = error as { code?: string; details?: { channels?: unknown } } | undefined;
  const errors =
    e?.code === 'NOTIFY_PREFERENCES_CONTACT_MISSING'
      ? missingContactErrors(e.details?.channels)
      : fieldErrorsOf(error, response.status, { fallback: 'channels', fields: ISSUE_FIELD });
  return backWithErrors(PAGE, Object.keys(errors).length ? errors : { channels: '保存没有成功，请检查后重试。' }, values);
}
