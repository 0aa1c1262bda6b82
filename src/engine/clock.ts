// Time and timers behind one small interface, so the engine, the panel's batcher and the mock can be driven by tests.

/** Monotonic milliseconds and timers; the system clock in the product, a hand-driven one in tests. */
export interface Clock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: Clock = {
  now: () => performance.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};
