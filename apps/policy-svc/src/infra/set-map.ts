/** Adds `value` to the set under `key` (a map of sets used as an index: the lexicon's terms, related candidates). */
export function addTo(map: Map<string, Set<string>>, key: string, value: string) {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}

/** Removes `value` from the set under `key`, and the key once its set is empty. */
export function removeFrom(map: Map<string, Set<string>>, key: string, value: string) {
  const set = map.get(key);
  set?.delete(value);
  if (set?.size === 0) map.delete(key);
}
