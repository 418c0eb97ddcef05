export { assertObjectKey, InvalidObjectKeyError, type ObjectStore, type StoredObject } from './object-store.js';
export { FilesystemObjectStore } from './filesystem-object-store.js';
export { S3ObjectStore, type S3ObjectStoreOptions } from './s3-object-store.js';
export { objectStoreFrom, type ObjectStoreSettings } from './object-store.factory.js';
