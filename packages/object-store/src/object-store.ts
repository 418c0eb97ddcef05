/**
 * Where files live that must outlive one machine: a flat namespace of keys (`ab/abcdef…`), each holding
 * bytes and a content type. One machine uses a directory; replicas on several nodes share an
 * S3-compatible bucket. Both adapters pass the same contract test (object-store.contract.ts).
 */
export interface ObjectStore {
  /** Which adapter, for logs and readiness. */
  readonly kind: 'filesystem' | 's3';
  /** Stores the bytes under the key; a reader sees the whole object or none (never half of it). Same key again: replaced. */
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** The object's bytes and content type, or null when there is none under the key. */
  get(key: string): Promise<StoredObject | null>;
  exists(key: string): Promise<boolean>;
  /** Removes the object; no object under the key is not an error. */
  delete(key: string): Promise<void>;
}

export interface StoredObject {
  bytes: Buffer;
  contentType: string;
}

/** Lower-case letters, digits and `-_.` in segments separated by `/`; no empty or dot-only segment (no way out of the root). */
const KEY = /^(?!.*(^|\/)\.{1,2}(\/|$))[a-z0-9._-]+(\/[a-z0-9._-]+)*$/;

export class InvalidObjectKeyError extends Error {
  constructor(readonly key: string) {
    super(`invalid object key: ${JSON.stringify(key)}`);
  }
}

export function assertObjectKey(key: string): void {
  if (key.length > 512 || !KEY.test(key)) throw new InvalidObjectKeyError(key);
}
