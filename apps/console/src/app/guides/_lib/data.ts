import type { api } from '../../../lib/api';

/** Every service site (drafts too, for staff) as choices for a matter's 办理地点. */
export async function siteChoices(client: Awaited<ReturnType<typeof api>>): Promise<Array<{ id: string; name: string }>> {
  const { data } = await client.GET('/api/v1/sites', { params: { query: { page: 1, pageSize: 100 } } });
  return (data?.items ?? []).map((s) => ({ id: s.id, name: s.name }));
}

/** Every service matter (drafts too, for staff) as choices for a bundle's matters. */
export async function matterChoices(client: Awaited<ReturnType<typeof api>>): Promise<Array<{ code: string; name: string }>> {
  const { data } = await client.GET('/api/v1/guides', { params: { query: { page: 1, pageSize: 100 } } });
  return (data?.items ?? []).map((m) => ({ code: m.code, name: m.name }));
}
