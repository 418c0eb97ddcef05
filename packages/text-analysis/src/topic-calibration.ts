import type { TopicCalibration } from './topic-classifier.js';

// Written by `node bench/topic-classifier.mjs --write` (fitted on the dev split only); edit there, not here.
export const TOPIC_CALIBRATION: TopicCalibration = { titleWeight: 3, bodyCap: 3, minScore: 1, relative: 0.3, maxTopics: 3 };
