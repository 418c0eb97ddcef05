export * from './database.js';
export * from './eventually.js';
export * from './nats-server.js';
export * from './processes.js';
export * from './medium.js';
export * from './env-example.js';
export * from './nest-app.js';
export * from './smtp-server.js';
