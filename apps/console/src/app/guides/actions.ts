'use server';
import { api } from '../../lib/api';
import { checkCsrf } from '../../lib/auth';
import { EXPIRED, back, failureText } from '../../lib/flash';
import { field } from '../../lib/site';
import { listOf, numberOr, rowsOf } from './_lib/rows';

const PAGES = { matter: '/guides/matters', bundle: '/guides/bundles', site: '/guides/sites' } as const;
const pageOf = (kind: keyof typeof PAGES, id: string) => `${PAGES[kind]}/${encodeURIComponent(id)}`;
const savedText = (status: string, pending: boolean) =>
  status === 'DRAFT' ? '草稿已保存，等待审核人发布。' : pending ? '修改已保存，待另一位审核人发布后生效。' : '内容未变。';

/** 保存: a service matter with its full guide (a draft, or a waiting edit of a published one). */
export async function saveMatter(form: FormData): Promise<void> {
  const code = field(form, 'code');
  const page = field(form, 'isNew') ? '/guides/matters/new' : pageOf('matter', code);
  if (!(await checkCsrf(form))) back(page, 'error', EXPIRED);
  const body = {
    code,
    name: field(form, 'name'),
    type: field(form, 'type'),
    department: field(form, 'department'),
    summary: field(form, 'summary'),
    legalBasis: rowsOf(form, 'legalBasis').map((r) => ({
      policyId: r.policyId,
      clause: r.clause || undefined,
      label: r.label || undefined,
    })),
    conditions: rowsOf(form, 'conditions').map((r) => r.text),
    materials: rowsOf(form, 'materials', ['form', 'required', 'exemptedBySharedData']).map((r) => ({
      name: r.name,
      form: r.form,
      originals: numberOr(r.originals),
      copies: numberOr(r.copies),
      required: r.required === 'true',
      condition: r.condition || undefined,
      exemptedBySharedData: r.exemptedBySharedData === 'true',
      templateUrl: r.templateUrl || undefined,
    })),
    steps: rowsOf(form, 'steps').map((r) => ({ name: r.name, description: r.description })),
    statutoryDays: numberOr(field(form, 'statutoryDays')) ?? null,
    promisedDays: numberOr(field(form, 'promisedDays')) ?? null,
    fees: rowsOf(form, 'fees').map((r) => ({ name: r.name, amountYuan: numberOr(r.amountYuan), basis: r.basis })),
    siteIds: form.getAll('siteIds').filter((v): v is string => typeof v === 'string' && v !== ''),
    whereText: field(form, 'whereText'),
    hoursText: field(form, 'hoursText'),
    onlineUrl: field(form, 'onlineUrl') || null,
    onlineDepth: field(form, 'onlineDepth'),
    consultPhones: listOf(field(form, 'consultPhones')),
    complaintPhones: listOf(field(form, 'complaintPhones')),
  };
  // the gateway validates against the contract (Chinese messages per field); the enums come from <select>s
  const { data, error } = await (await api()).POST('/api/v1/guides', { body: body as never });
  if (!data) return back(page, 'error', failureText(error, '保存失败'));
  back(pageOf('matter', data.code), 'done', savedText(data.status, !!data.pendingEdit));
}

/** 保存: a 一件事 bundle (its matters in order). */
export async function saveBundle(form: FormData): Promise<void> {
  const code = field(form, 'code');
  const page = field(form, 'isNew') ? '/guides/bundles/new' : pageOf('bundle', code);
  if (!(await checkCsrf(form))) back(page, 'error', EXPIRED);
  const { data, error } = await (
    await api()
  ).POST('/api/v1/bundles', {
    body: {
      code,
      name: field(form, 'name'),
      description: field(form, 'description'),
      matterCodes: rowsOf(form, 'matters').map((r) => r.code!),
      topics: listOf(field(form, 'topics')),
    },
  });
  if (!data) return back(page, 'error', failureText(error, '保存失败'));
  back(pageOf('bundle', data.code), 'done', savedText(data.status, !!data.pendingEdit));
}

/** 保存: a service site (WGS-84 coordinates, weekly opening hours). */
export async function saveSite(form: FormData): Promise<void> {
  const id = field(form, 'siteId');
  const page = field(form, 'isNew') ? '/guides/sites/new' : pageOf('site', id);
  if (!(await checkCsrf(form))) back(page, 'error', EXPIRED);
  const body = {
    id,
    name: field(form, 'name'),
    level: field(form, 'level'),
    address: field(form, 'address'),
    district: field(form, 'district'),
    phones: listOf(field(form, 'phones')),
    lat: numberOr(field(form, 'lat')),
    lng: numberOr(field(form, 'lng')),
    weeklyHours: rowsOf(form, 'hours', ['weekday']).map((r) => ({ weekday: Number(r.weekday), open: r.open, close: r.close })),
    openOnHolidays: form.get('openOnHolidays') === 'true',
    hoursNote: field(form, 'hoursNote'),
  };
  const { data, error } = await (await api()).POST('/api/v1/sites', { body: body as never });
  if (!data) return back(page, 'error', failureText(error, '保存失败'));
  back(pageOf('site', data.id), 'done', savedText(data.status, !!data.pendingEdit));
}

/** 发布: a reviewer publishes a draft or a waiting edit of a matter, bundle or site; its author is refused (four eyes). */
export async function publishGuideItem(form: FormData): Promise<void> {
  const kind = (['matter', 'bundle', 'site'] as const).find((k) => k === field(form, 'kind')) ?? 'matter';
  const id = field(form, 'id');
  const page = pageOf(kind, id);
  if (!(await checkCsrf(form))) back(page, 'error', EXPIRED);
  const client = await api();
  const { error } =
    kind === 'matter'
      ? await client.POST('/api/v1/guides/{code}/publish', { params: { path: { code: id } } })
      : kind === 'bundle'
        ? await client.POST('/api/v1/bundles/{code}/publish', { params: { path: { code: id } } })
        : await client.POST('/api/v1/sites/{id}/publish', { params: { path: { id } } });
  if (error) back(page, 'error', failureText(error, '发布失败'));
  back(page, 'done', '已发布。');
}
