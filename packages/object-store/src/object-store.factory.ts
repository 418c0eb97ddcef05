import { FilesystemObjectStore } from './filesystem-object-store.js';
import type { ObjectStore } from './object-store.js';
import { S3ObjectStore, type S3ObjectStoreOptions } from './s3-object-store.js';

export type ObjectStoreSettings = { kind: 'filesystem'; dir: string } | ({ kind: 's3' } & S3ObjectStoreOptions);

/** The adapter the configuration names (an app's env.ts turns its variables into these settings). */
export function objectStoreFrom(settings: ObjectStoreSettings): ObjectStore {
  if (settings.kind === 'filesystem') return new FilesystemObjectStore(settings.dir);
  const { kind: _kind, ...options } = settings;
  return new S3ObjectStore(options);
}
