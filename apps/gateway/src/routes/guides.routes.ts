import { EDITORS, PUBLIC, REVIEWERS, getGuideMatter, listGuideMatters, publishGuideMatter, upsertGuideMatter } from '@govdisc/contracts';
import { routes } from './route-table.js';

export const guideRoutes = routes('guides', [
  {
    key: 'guides.list',
    method: 'GET',
    path: '/guides',
    access: PUBLIC,
    rpc: listGuideMatters,
    input: 'query',
    summary: 'List service matters (paged)',
  },
  {
    key: 'guides.upsert',
    method: 'POST',
    path: '/guides',
    access: EDITORS,
    rpc: upsertGuideMatter,
    input: 'body',
    summary: 'Save a service matter by its code: a draft, or a pending edit of a published one (published by another person)',
  },
  {
    key: 'guides.publish',
    method: 'POST',
    path: '/guides/:code/publish',
    access: REVIEWERS,
    rpc: publishGuideMatter,
    status: 200,
    summary: 'Publish a draft service matter or its pending edit (not by whoever wrote that version)',
  },
  {
    key: 'guides.get',
    method: 'GET',
    path: '/guides/:code',
    access: PUBLIC,
    rpc: getGuideMatter,
    summary: 'Get one service matter by its code',
  },
]);
