import { monitorEventLoopDelay } from 'node:perf_hooks';

/**
 * A server process under load answers `usage` messages from the bench with its CPU time, RSS and
 * event-loop delay, so the bench can compute CPU per request without timing loops of its own.
 */
export function reportUsageOverIpc(): void {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  // Exit normally on SIGTERM so that `--cpu-prof` (BENCH_CPU_PROF) writes its profile.
  process.once('SIGTERM', () => process.exit(0));
  process.on('message', (message: unknown) => {
    if (message === 'reset') {
      delay.reset();
      return;
    }
    if (message !== 'usage') return;
    const cpu = process.cpuUsage();
    process.send?.({
      cpuMicros: cpu.user + cpu.system,
      rss: process.memoryUsage().rss,
      loopDelayP99Ms: delay.percentile(99) / 1e6,
      loopDelayMeanMs: delay.mean / 1e6,
    });
  });
}
