import 'reflect-metadata';
import { readGatewayConfig, startGateway, untilSynced } from '@commons-graph/gateway';
import { writeHeapSnapshot } from 'node:v8';
import pino from 'pino';
import { announceReady, failStart, serveIpc } from './ipc';

/**
 * Our gateway keeping a Commons index (DATABASE_URL, SYNC_* from the environment) and answering from
 * it (COMMONS_SOURCE=index), as a process of its own. `synced` waits until the index holds every
 * node's feed and says how long that took since the start and how many events it holds.
 */
async function main(): Promise<void> {
  const config = { ...readGatewayConfig(), port: 0, probeIntervalMs: 0, logLevel: 'silent' };
  const started = performance.now();
  const gateway = await startGateway(config, { logger: pino({ level: 'silent' }) });
  const startMs = performance.now() - started;
  const slugs = gateway.registry.all().map((node) => node.slug);
  serveIpc(
    {
      /** Drops what the index holds and follows every feed again from 0, until the pass ends: the backfill alone, timed. */
      backfill: async () => {
        for (const state of await gateway.index!.states())
          await gateway.index!.restart(state.slug, state.epoch!, state.head);
        const from = performance.now();
        void gateway.sync!.pass();
        await untilSynced(gateway.sync!, slugs, 600_000);
        await gateway.sync!.settled(); // the pass's end: the index vacuumed and analyzed too
        const states = await gateway.index!.states();
        return { ms: performance.now() - from, events: states.reduce((sum, state) => sum + state.cursor, 0) };
      },
      /** process.memoryUsage() after a full collection (needs --expose-gc), and a heap snapshot if asked where. */
      memory: (payload) => {
        (globalThis as { gc?: () => void }).gc?.();
        if (typeof payload.snapshot === 'string') writeHeapSnapshot(payload.snapshot);
        return process.memoryUsage();
      },
      /** Resolves once the gateway probed every node (it may listen first, on a synced index). */
      probed: () => gateway.probed.then(() => true),
      /** The index's cursor of one node: what queries served from the index see of it. */
      cursor: async (payload) => (await gateway.index!.state(String(payload.slug)))?.cursor ?? 0,
      synced: async (payload) => {
        await untilSynced(gateway.sync!, slugs, Number(payload.timeoutMs ?? 600_000));
        const states = await gateway.index!.states();
        return {
          sinceStartMs: performance.now() - started,
          events: states.reduce((sum, state) => sum + state.cursor, 0),
          leading: gateway.sync!.leading,
        };
      },
    },
    () => gateway.stop(),
  );
  announceReady({ url: gateway.graphqlUrl, startMs });
}
main().catch(failStart);
