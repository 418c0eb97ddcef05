export * from './tracing.js';
export * from './spans.js';
