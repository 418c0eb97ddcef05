/** How scores become topics; fitted on the dev split of bench/dev-sets/topics.jsonl (bench/topic-classifier.mjs --write). */
export interface TopicCalibration {
  /** a cue in the title counts this many times more than one in the body */
  titleWeight: number;
  /** hits of one cue in the body count at most this often, so one long text cannot swamp a topic */
  bodyCap: number;
  /** a topic needs at least this score … */
  minScore: number;
  /** … and at least this share of the best topic's score */
  relative: number;
  maxTopics: number;
}

// Written by `node bench/topic-classifier.mjs --write` (fitted on the dev split only); edit there, not here.
export const TOPIC_CALIBRATION: TopicCalibration = { titleWeight: 3, bodyCap: 3, minScore: 1, relative: 0.3, maxTopics: 3 };
