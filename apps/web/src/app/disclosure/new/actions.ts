'use server';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { api, asApiError } from '../../../lib/api';
import { type Errors, type Values, requestBody, validate, valuesOf } from '../../../lib/disclosure-form';

export interface SubmitState {
  values: Partial<Values>;
  errors: Errors;
  formError?: string;
}

/** Submits the disclosure request: field checks first (Chinese messages), then the gateway; a receipt cookie carries the result to the confirmation page. */
export async function submitDisclosure(_prev: SubmitState, form: FormData): Promise<SubmitState> {
  const values = valuesOf(form);
  const errors = validate(values);
  if (Object.keys(errors).length > 0) return { values, errors };
  const { data, error, response } = await (await api()).POST('/api/v1/disclosure-requests', { body: requestBody(values) });
  if (!data) {
    const e = asApiError(error);
    const formError =
      response.status === 429
        ? '提交过于频繁，请稍后再试。'
        : e && response.status < 500
          ? e.message
          : '系统暂时无法受理，请稍后再试。您填写的内容已保留。';
    return { values, errors: {}, formError };
  }
  (await cookies()).set('disclosure_receipt', JSON.stringify({ n: data.requestNumber, c: data.trackingCode, at: data.submittedAt }), {
    httpOnly: true,
    sameSite: 'lax',
    path: '/disclosure',
    maxAge: 3600,
  });
  redirect('/disclosure/submitted');
}
