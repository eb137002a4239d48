import { startTestNode, type TestNode, type TestNodeOptions } from './nodes';

/**
 * A test node that can go down and come back at the same URL, on its database (`restart`) or on a
 * new one (`reset`: a new epoch, as a node whose database was recreated).
 */
export interface RestartableNode {
  readonly slug: string;
  readonly publicUrl: string;
  /** The node as it runs now (its tokens change with each start). */
  readonly current: TestNode;
  readonly running: boolean;
  down(): Promise<void>;
  up(): Promise<void>;
  reset(): Promise<void>;
  stop(): Promise<void>;
}

export async function startRestartableNode(
  slug: string,
  options: Omit<TestNodeOptions, 'database' | 'port'> = {},
): Promise<RestartableNode> {
  let current = await startTestNode(slug, slug, options);
  const port = Number(new URL(current.node.publicUrl).port);
  let running = true;
  const down = async () => {
    if (running) await current.node.stop();
    running = false;
  };
  const up = async () => {
    if (!running) current = await startTestNode(slug, slug, { ...options, port, database: current.database });
    running = true;
  };
  return {
    slug,
    publicUrl: current.node.publicUrl,
    get current() {
      return current;
    },
    get running() {
      return running;
    },
    down,
    up,
    async reset() {
      await down();
      await current.database.drop();
      current = await startTestNode(slug, slug, { ...options, port });
      running = true;
    },
    async stop() {
      await down();
      await current.database.drop();
    },
  };
}
