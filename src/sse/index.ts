// The connection engine's public face, for the panel, the CLI and the tests.

export { SseConnection } from './connection';
export { corsVerdict } from './cors';
export { DEFAULT_BACKOFF_FACTOR, DEFAULT_MAX_DELAY_MS } from './reconnectDelay';
export * from './options';
export * from './record';
