import { NO_PARAPHRASES } from './paraphrase-lexicon.js';
import { QuestionMatcher } from './question-matcher.js';

// The switches the benches measure one at a time (docs/adr/0012-qa-paraphrase-matching.md); off by default.
describe('QuestionMatcher tuning', () => {
  const pairs: [string, string, string][] = [
    ['measures', '上海市推出了哪些新举措？', '开通发热咨询热线，市民可以在线问诊。'],
    ['loans', '上海市推出了哪些金融举措？', '对受影响企业延期还本付息。'],
  ];
  const build = (answerField: number) => {
    const m = new QuestionMatcher(undefined, { paraphrases: NO_PARAPHRASES, answerField });
    for (const [id, q, a] of pairs) m.upsert(id, [q], a);
    return m;
  };
  const ask = '上海开通发热咨询热线了吗';

  it('answerField adds the share of the asked question the answer holds to the ranking score, not to confidence', () => {
    const off = build(0).match(ask);
    const on = build(0.5).match(ask);
    const of = (ms: typeof on, id: string) => ms.find((m) => m.id === id)!;
    expect(of(on, 'measures').score).toBeGreaterThan(of(off, 'measures').score);
    expect(of(on, 'measures').score - of(on, 'loans').score).toBeGreaterThan(of(off, 'measures').score - of(off, 'loans').score);
    expect(on[0]!.id).toBe('measures');
    expect(of(on, 'measures').confidence).toBe(of(off, 'measures').confidence);
  });
});
