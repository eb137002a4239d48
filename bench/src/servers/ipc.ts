import { readFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';

/**
 * The child side of the bench's IPC: a server process announces it is ready, answers requests
 * (`usage`: CPU time, RSS, event-loop delay since the last `reset`; plus its own handlers), and
 * on SIGTERM stops cleanly and exits 0 so that `--cpu-prof` (BENCH_CPU_PROF) writes its profile.
 */
export type Handler = (message: Record<string, unknown>) => unknown;

export interface Usage {
  cpuMicros: number;
  rss: number;
  /** The highest RSS the process reached so far (bytes). */
  peakRss: number;
  heapUsed: number;
  loopDelayP50Ms: number;
  loopDelayP99Ms: number;
  loopDelayMaxMs: number;
}

/** The sampling interval of the loop-delay histogram; each sample is the interval, so it is subtracted. */
const RESOLUTION_MS = 10;

export function serveIpc(
  handlers: Record<string, Handler>,
  stop: () => Promise<void> = async () => undefined,
): void {
  const delay = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  delay.enable();
  const late = (ns: number) => (Number.isFinite(ns) ? Math.max(0, ns / 1e6 - RESOLUTION_MS) : 0);
  const builtIn: Record<string, Handler> = {
    usage: (): Usage => {
      const cpu = process.cpuUsage();
      const memory = process.memoryUsage();
      return {
        cpuMicros: cpu.user + cpu.system,
        rss: memory.rss,
        peakRss: process.resourceUsage().maxRSS * 1024,
        heapUsed: memory.heapUsed,
        loopDelayP50Ms: late(delay.percentile(50)),
        loopDelayP99Ms: late(delay.percentile(99)),
        loopDelayMaxMs: late(delay.max),
      };
    },
    reset: () => {
      delay.reset();
      return true;
    },
  };
  const all = { ...handlers, ...builtIn };
  process.on('message', async (message: { id?: number; type?: string }) => {
    if (!message || typeof message.id !== 'number' || typeof message.type !== 'string') return;
    const handler = all[message.type];
    try {
      if (!handler) throw new Error(`no handler for "${message.type}"`);
      process.send?.({ id: message.id, result: await handler(message as Record<string, unknown>) });
    } catch (error) {
      process.send?.({ id: message.id, error: (error as Error).stack ?? String(error) });
    }
  });
  let stopping = false;
  const exit = () => {
    if (stopping) return;
    stopping = true;
    const force = setTimeout(() => process.exit(0), 5000);
    force.unref();
    stop().finally(() => process.exit(0));
  };
  process.once('SIGTERM', exit);
  // The bench died or closed the channel: do not outlive it.
  process.once('disconnect', exit);
}

export function announceReady(info: Record<string, unknown>): void {
  process.send?.({ ready: info });
}

/** Reads the JSON configuration file the bench wrote for this process. */
export function readConfig<T>(variable: string): T {
  const path = process.env[variable];
  if (!path) throw new Error(`${variable} is not set`);
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

export function failStart(error: unknown): never {
  process.stderr.write(`bench server: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
}
