/**
 * Calibrated confidence for 一号答: the probability that a matched stored question is the one asked, from the
 * matcher's raw confidence, the top match's lead over the runner-up (a clear winner is more often right than one
 * of several near-equal candidates) and whether the search engine ranks the same pair first (two rankers that look
 * at different evidence agreeing). A logistic model fitted on the dev sets by bench/qa-calibration.mjs.
 */
export interface ConfidenceModel {
  /**
   * `agree`: weight of "the engine's first hit is this match"; `agreeBigrams`: of "a plain character-bigram BM25 over
   * the stored questions ranks this match first" (QuestionMatcher.bigramFirst). Absent = 0.
   */
  weights: { intercept: number; logitRaw: number; lead: number; agree?: number; agreeBigrams?: number };
  /** the calibrated confidence from which an answer is given (chosen for a target answered precision) */
  threshold: number;
}

const EPSILON = 1e-4;

export function calibratedConfidence(
  model: Pick<ConfidenceModel, 'weights'>,
  raw: number,
  lead: number,
  agree = 0,
  agreeBigrams = 0,
): number {
  const p = Math.min(Math.max(raw, EPSILON), 1 - EPSILON);
  const { intercept, logitRaw, lead: leadWeight, agree: agreeWeight = 0, agreeBigrams: bigramWeight = 0 } = model.weights;
  const z = intercept + logitRaw * Math.log(p / (1 - p)) + leadWeight * lead + agreeWeight * agree + bigramWeight * agreeBigrams;
  return Math.round((1 / (1 + Math.exp(-z))) * 1000) / 1000;
}

/**
 * The ranked matches with their confidence replaced by the calibrated one. The top match's lead is over the runner-up
 * (what the model was fitted on); every other match "leads" by its (negative) distance to the top: being behind
 * another candidate makes it less likely to be the one asked.
 */
export function calibrateMatches<T extends { id: string; confidence: number }>(
  model: Pick<ConfidenceModel, 'weights'>,
  matches: readonly T[],
  { engineTop, bigramTop }: { engineTop?: string; bigramTop?: string } = {},
): T[] {
  const top = matches[0]?.confidence ?? 0;
  const runnerUp = matches[1]?.confidence ?? 0;
  return matches.map((m, i) => ({
    ...m,
    confidence: calibratedConfidence(
      model,
      m.confidence,
      i === 0 ? top - runnerUp : m.confidence - top,
      m.id === engineTop ? 1 : 0,
      m.id === bigramTop ? 1 : 0,
    ),
  }));
}
