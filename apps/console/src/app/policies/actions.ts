'use server';
import { after } from 'next/server';
import { api } from '../../lib/api';
import { checkCsrf } from '../../lib/auth';
import { EXPIRED, back, failureText } from '../../lib/flash';
import { field } from '../../lib/site';
import { chunksOf, formatOf } from './_lib/import-chunks';

const policyPage = (id: string) => `/policies/${encodeURIComponent(id)}`;
const optional = (form: FormData, name: string) => field(form, name) || undefined;

/** 保存草稿: a new draft, a re-saved draft, or (for a published document) an edit that waits for a reviewer. */
export async function saveDraft(form: FormData): Promise<void> {
  const id = field(form, 'id');
  const page = id ? `${policyPage(id)}/edit` : '/policies/new';
  if (!(await checkCsrf(form))) back(page, 'error', EXPIRED);
  const { data, error } = await (
    await api()
  ).POST('/api/v1/policies', {
    body: {
      externalId: field(form, 'externalId'),
      title: field(form, 'title'),
      body: field(form, 'body'),
      docNumber: optional(form, 'docNumber'),
      agency: optional(form, 'agency'),
      publishDate: optional(form, 'publishDate'),
      docType: optional(form, 'docType'),
      level: optional(form, 'level'),
      region: optional(form, 'region'),
    },
  });
  if (!data) return back(page, 'error', failureText(error, '保存失败'));
  const pending = data.status !== 'DRAFT';
  back(policyPage(data.id), 'done', pending ? '修改已保存，待另一位审核人发布后生效。' : '草稿已保存，等待审核人发布。');
}

/** 发布: a reviewer publishes a draft or a waiting edit; the author is refused (four eyes) and told so in Chinese. */
export async function publishPolicy(form: FormData): Promise<void> {
  const id = field(form, 'id');
  if (!(await checkCsrf(form))) back(policyPage(id), 'error', EXPIRED);
  const { data, error } = await (await api()).POST('/api/v1/policies/{documentId}/publish', { params: { path: { documentId: id } } });
  if (!data) return back(policyPage(id), 'error', failureText(error, '发布失败'));
  back(policyPage(id), 'done', `已发布：${data.title}（第 ${data.version} 版）`);
}

const CHANGE_ZH = { amend: '已标记为已修改', repeal: '已废止', expire: '已标记为失效' } as const;

/** 修改 / 废止 / 失效: a reviewer changes a published document's validity (amend names the amending document). */
export async function changeValidity(form: FormData): Promise<void> {
  const id = field(form, 'id');
  const change = field(form, 'change');
  const page = policyPage(id);
  if (!(await checkCsrf(form))) back(page, 'error', EXPIRED);
  if (!(change === 'amend' || change === 'repeal' || change === 'expire')) return back(page, 'error', '请选择效力变更类型。');
  if (form.get('confirm') !== 'yes') back(page, 'error', '请勾选确认后再提交效力变更。');
  const by = field(form, 'byDocumentId');
  if (change === 'amend' && !by) back(page, 'error', '标记为已修改时，须选择修改它的文件。');
  const client = await api();
  const path = { params: { path: { documentId: id } } };
  const body = by ? { byDocumentId: by } : {};
  const { error } =
    change === 'amend'
      ? await client.POST('/api/v1/policies/{documentId}/amend', { ...path, body })
      : change === 'repeal'
        ? await client.POST('/api/v1/policies/{documentId}/repeal', { ...path, body })
        : await client.POST('/api/v1/policies/{documentId}/expire', path);
  if (error) back(page, 'error', failureText(error, '效力变更失败'));
  back(page, 'done', CHANGE_ZH[change]);
}

/** 保存置顶: create a best bet, or change one (`id`); the documents in the order ticked. */
export async function saveBestBet(form: FormData): Promise<void> {
  const page = '/policies/best-bets';
  if (!(await checkCsrf(form))) back(page, 'error', EXPIRED);
  const id = field(form, 'id');
  const query = field(form, 'query');
  const documentIds = form.getAll('documentIds').filter((v): v is string => typeof v === 'string' && v !== '');
  if (documentIds.length === 0) back(`${page}?query=${encodeURIComponent(query)}`, 'error', '请至少选择一个置顶文件。');
  const client = await api();
  const { error } = id
    ? await client.PATCH('/api/v1/policies/best-bets/{bestBetId}', { params: { path: { bestBetId: id } }, body: { query, documentIds } })
    : await client.POST('/api/v1/policies/best-bets', { body: { query, documentIds } });
  if (error) back(page, 'error', failureText(error, '保存失败'));
  back(page, 'done', `已保存置顶：${query}`);
}

export async function deleteBestBet(form: FormData): Promise<void> {
  const page = '/policies/best-bets';
  if (!(await checkCsrf(form))) back(page, 'error', EXPIRED);
  const { error } = await (
    await api()
  ).DELETE('/api/v1/policies/best-bets/{bestBetId}', { params: { path: { bestBetId: field(form, 'id') } } });
  if (error) back(page, 'error', failureText(error, '删除失败'));
  back(page, 'done', '已删除置顶。');
}

/**
 * 开始导入: the file goes to the service in chunks at record boundaries. The first chunk opens the job; the page of
 * the job shows its progress (polled) while the rest follow, one after another, after the answer (next/server `after`).
 */
export async function startImport(form: FormData): Promise<void> {
  const page = '/policies/import';
  if (!(await checkCsrf(form))) back(page, 'error', EXPIRED);
  const file = form.get('file');
  if (!(file instanceof File) || file.size === 0) return back(page, 'error', '请选择要导入的文件。');
  const format = formatOf(file.name);
  if (!format) return back(page, 'error', '只支持 JSONL（.jsonl）、CSV（.csv）和网页（.html）文件。');
  const chunks = chunksOf(format, await file.text());
  if (chunks.length === 0) return back(page, 'error', '文件是空的。');
  const client = await api();
  const send = (i: number, jobId?: string) =>
    client.POST('/api/v1/policies/import/files', {
      body: {
        // sent one after another, so no `after`: the job's last line is its last non-blank one, not the chunk's end
        ...(jobId ? { jobId } : {}),
        fileName: file.name,
        format,
        content: chunks[i]!.content,
        firstLine: chunks[i]!.firstLine,
        ...(chunks[i]!.header ? { header: chunks[i]!.header } : {}),
        publish: false,
      },
    });
  const first = await send(0);
  if (!first.data) return back(page, 'error', failureText(first.error, '导入失败'));
  const jobId = first.data.id;
  after(async () => {
    for (let i = 1; i < chunks.length; i++) if ((await send(i, jobId)).error) return;
    await client.POST('/api/v1/policies/import/jobs/{jobId}/finish', { params: { path: { jobId } } });
  });
  back(`${page}/${jobId}?lines=${chunks.at(-1)!.lastLine}`, 'done', `已开始导入：${file.name}`);
}

/** 发布本批次: a reviewer publishes the drafts an import job left, except those they wrote themselves (four eyes). */
export async function publishImport(form: FormData): Promise<void> {
  const jobId = field(form, 'jobId');
  const page = `/policies/import/${encodeURIComponent(jobId)}`;
  if (!(await checkCsrf(form))) back(page, 'error', EXPIRED);
  const { data, error } = await (await api()).POST('/api/v1/policies/import/jobs/{jobId}/publish', { params: { path: { jobId } } });
  if (!data) return back(page, 'error', failureText(error, '发布失败'));
  const refused = data.refused.length ? `；${data.refused.length} 件为您本人导入或修改，须由另一位审核人发布` : '';
  back(page, 'done', `已发布 ${data.published} 件${refused}。`);
}
