// Written by bench/qa-calibration.mjs --write; do not edit by hand (re-run it when the matcher changes).
// Fitted on 426 dev questions (qa-reworded, qa-citizen-dev, qa-citizen-dev2, qa-long-dev, qa-unanswerable, qa-unanswerable-dev2); the held-out sets were not used.
import type { ConfidenceModel } from './confidence-calibration.js';

export const QA_CONFIDENCE_MODEL: ConfidenceModel = {
  weights: { intercept: 0.027057, logitRaw: 1.749526, lead: 3.301993, agree: 0.766715, agreeBigrams: 0.570907 },
  /** lowest calibrated confidence at which the dev sets' answered precision reaches 0.95 */
  threshold: 0.87,
};
