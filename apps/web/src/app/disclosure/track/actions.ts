'use server';
import { api, type GetOk } from '../../../lib/api';
import { last4 } from '../../../lib/disclosure-form';
import { field } from '../../../lib/site';

export interface TrackState {
  code: string;
  phone4: string;
  errors: { code?: string; phone4?: string };
  notFound?: boolean;
  result?: GetOk<'/api/v1/disclosure-requests/track/{trackingCode}'>;
}

/**
 * Tracking: the code plus the last four digits of the phone given in the request. A wrong second
 * factor answers exactly like an unknown code, so neither can be guessed one at a time.
 */
export async function track(_prev: TrackState, form: FormData): Promise<TrackState> {
  const code = field(form, 'code');
  const phone4 = field(form, 'phone4');
  const errors: TrackState['errors'] = {};
  if (!code) errors.code = '请填写查询码';
  else if (code.length < 8 || code.length > 64) errors.code = '查询码格式不正确，请核对回执上的查询码';
  if (!/^\d{4}$/.test(phone4)) errors.phone4 = '请填写申请时所留手机号的后四位数字';
  if (errors.code || errors.phone4) return { code, phone4, errors };
  const { data } = await (
    await api()
  ).GET('/api/v1/disclosure-requests/track/{trackingCode}', { params: { path: { trackingCode: code } } });
  if (!data || last4(data.applicant.phone) !== phone4) return { code, phone4, errors: {}, notFound: true };
  return { code, phone4, errors: {}, result: data };
}
