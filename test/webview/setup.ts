// Root hooks for the webview tests: one build, one loopback server and one Chromium for the whole run.

import { startHarness, stopHarness } from './harness';

before(async function () {
  this.timeout(180_000);
  await startHarness();
});

after(async () => {
  await stopHarness();
});
