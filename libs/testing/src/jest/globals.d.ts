// Set by the Jest global setup, read by the global teardown (same process).
declare global {
  // `var` is how TypeScript declares a property of globalThis.
  // eslint-disable-next-line no-var
  var __tandemStopInfra: (() => Promise<void>) | undefined;
}

export {};
