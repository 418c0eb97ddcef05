import { questionTokens } from '@govdisc/text-analysis';
import type { UnansweredCluster } from '../generated/prisma/client.js';
import { chooseCluster } from './unanswered.service.js';

const cluster = (id: string, sample: string, variants = [sample]): UnansweredCluster => ({
  id,
  sample,
  variants,
  tokens: questionTokens(sample),
  count: 1,
  firstAskedAt: new Date(),
  lastAskedAt: new Date(),
});

test('a similar question joins the most similar cluster and becomes one of its variants', () => {
  const q = '火星移民需要办理什么手续';
  const choice = chooseCluster(q, questionTokens(q), [cluster('other', '海底隧道通行证怎么办'), cluster('mars', '火星移民需要什么手续')]);
  expect(choice).toEqual({ clusterId: 'mars', variants: ['火星移民需要什么手续', q] });
});

test('an unlike question opens a new cluster; a full cluster keeps its variants', () => {
  const q = '火星移民需要办理什么手续';
  expect(chooseCluster(q, questionTokens(q), [cluster('other', '海底隧道通行证怎么办')])).toBeNull();
  const full = Array.from({ length: 20 }, (_, i) => `火星移民需要什么手续${i}`);
  expect(chooseCluster(q, questionTokens(q), [cluster('mars', '火星移民需要什么手续', full)])).toEqual({
    clusterId: 'mars',
    variants: full,
  });
});
