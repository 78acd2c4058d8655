import { chromiumDescendants, waitFor } from './wait-for';

/**
 * After the whole suite: no Chromium outlives the process that launched it. Every renderer the
 * tests started (in this process or in the API and worker processes they spawned) must be gone;
 * a browser left running here fails the run, naming its pids.
 */
export default async function globalTeardown(): Promise<void> {
  try {
    await waitFor(() => chromiumDescendants().length === 0, 'every Chromium started by the tests to exit', {
      timeoutMs: 15_000,
    });
  } catch {
    const left = chromiumDescendants();
    throw new Error(`Chromium outlived the tests that launched it: pids ${left.join(', ')}`);
  }
}
