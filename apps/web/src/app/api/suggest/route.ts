import { api } from '../../../lib/api';

/** The search box's suggestions: the gateway's policy suggest route, proxied (the browser never calls the gateway). */
export async function GET(request: Request): Promise<Response> {
  const q = (new URL(request.url).searchParams.get('q') ?? '').trim().slice(0, 50);
  if (!q) return Response.json({ items: [] });
  const { data } = await (await api()).GET('/api/v1/policies/suggest', { params: { query: { q } } });
  return Response.json({ items: data?.items ?? [] }, { headers: { 'cache-control': 'public, max-age=60' } });
}
