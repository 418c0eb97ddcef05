export * from './consumer.js';
export * from './inbox.js';
export * from './naming.js';
export * from './outbox.js';
export * from './sql.js';
export * from './streams.js';
export * from './citing-flags.js';
export * from './wakeable-loop.js';
