import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CITIZEN_TOPIC_CODES } from '@govdisc/contracts';
import { citizenTopicClassifier } from '@govdisc/text-analysis';

// One taxonomy in three places: qa-svc's seeded qa_topic rows (names, order), the codes in contracts (policy-svc and
// service-guide-svc check editors' choices against them) and the shared classifier's lexicon. They must agree.
const migrations = fileURLToPath(new URL('../../prisma/migrations/', import.meta.url));
const seeded = (): string[] => {
  const dir = readdirSync(migrations).find((d) => d.includes('added_qa_workflow'))!;
  const sql = readFileSync(`${migrations}${dir}/migration.sql`, 'utf8');
  return [...sql.matchAll(/^\s+\('([a-z-]+)', '[^']+', '[^']*', (\d+)\)/gmu)].sort((a, b) => Number(a[2]) - Number(b[2])).map((m) => m[1]!);
};

test('the seeded topics, the contract codes and the classifier lexicon list the same codes in the same order', () => {
  expect(seeded()).toHaveLength(17);
  expect([...CITIZEN_TOPIC_CODES]).toEqual(seeded());
  expect(citizenTopicClassifier().codes).toEqual(seeded());
});
