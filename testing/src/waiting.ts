/** Resolves once `done()` holds, looking every `everyMs`; throws after `timeoutMs` (a hang becomes a failure). */
export async function waitUntil(done: () => boolean, timeoutMs = 10_000, everyMs = 10): Promise<void> {
  for (let waited = 0; !done(); waited += everyMs) {
    if (waited > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
