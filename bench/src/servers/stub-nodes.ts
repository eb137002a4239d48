import { readFileSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { execute, validate, type GraphQLError } from 'graphql';
import { globalIds, inspect, parsed, type GraphQLBody, type Inspection } from '../stubs/inspect';
import { changesPage, feedOf, publishNext } from '../stubs/feed';
import { syntheticCommons, syntheticSchema, type NodeData } from '../stubs/synthetic';
import { announceReady, failStart, readConfig, serveIpc } from './ipc';

/**
 * One process hosting any number of stub nodes, each on its own port. A stub either replays a
 * recording of a real node (request body → response; an unknown body gets HTTP 500 and is counted)
 * or answers from a synthetic Commons by executing the operation against the node contract. Each
 * answer leaves after the node's injected latency, counted from the request's arrival; a `hold`
 * node never answers (a straggler beyond the gateway's timeout; `hold` turns that on and off). Between `mark` and `log` the
 * process records every request: arrival, end, root fields, ids asked for and ids answered.
 */
export interface StubNodeSpec {
  slug: string;
  latencyMs: number;
  hold?: boolean;
}

export type StubNodesConfig =
  | { mode: 'replay'; recording: string; nodes: StubNodeSpec[] }
  | { mode: 'synthetic'; nodes: StubNodeSpec[]; artifactsPerNode: number; seed: number };

/** request body → answer, per node slug. */
export type Recording = Record<string, Record<string, { status: number; body: string }>>;

export interface LoggedRequest {
  slug: string;
  arrival: number;
  /** When the answer was written, or the connection closed unanswered; null while pending. */
  end: number | null;
  answered: boolean;
  fields: string[];
  argIds: string[];
  resultIds: string[];
  duplicateKeys: number;
}

export interface StubCounters {
  requests: Record<string, number>;
  probes: number;
  duplicateKeys: number;
  unknown: number;
  failures: number;
  samples: string[];
}

interface Answer {
  status: number;
  text: string;
  resultIds?: string[];
}

async function main(): Promise<void> {
  const config = readConfig<StubNodesConfig>('BENCH_STUB_CONFIG');
  const counters: StubCounters = {
    requests: {},
    probes: 0,
    duplicateKeys: 0,
    unknown: 0,
    failures: 0,
    samples: [],
  };
  const sample = (text: string) => counters.samples.length < 5 && counters.samples.push(text.slice(0, 600));
  let log: LoggedRequest[] = [];
  let logging = false;

  const answers = new Map<string, Map<string, Answer>>(config.nodes.map((node) => [node.slug, new Map()]));
  let answer: (slug: string, body: string) => Promise<Answer>;
  let publish: (slug: string) => { id: string; seq: number } = () => {
    throw new Error('only synthetic stubs publish');
  };
  let feedEvents = () => 0;
  if (config.mode === 'replay') {
    const recording = JSON.parse(readFileSync(config.recording, 'utf8')) as Recording;
    answer = async (slug, body) => {
      const recorded = recording[slug]?.[body];
      if (recorded) return { status: recorded.status, text: recorded.body };
      counters.unknown++;
      sample(`not recorded (${slug}): ${body}`);
      return {
        status: 500,
        text: JSON.stringify({ errors: [{ message: 'this request was not recorded' }] }),
      };
    };
  } else {
    const data = syntheticCommons({
      slugs: config.nodes.map((n) => n.slug),
      artifactsPerNode: config.artifactsPerNode,
      seed: config.seed,
    });
    // Each stub serves a change feed; one epoch per stub process (a restarted stub is a new database).
    const epoch = `stub-${process.pid}-${Date.now()}`;
    const schema = syntheticSchema({
      changes: (_, { after, first }, node) => changesPage(node, epoch, after as number, first as number),
    });
    publish = (slug) => {
      const node = data.get(slug);
      if (!node) throw new Error(`no stub node ${slug}`);
      answers.get(slug)!.clear(); // its cached answers are out of date
      return publishNext(node);
    };
    feedEvents = () => [...data.values()].reduce((sum, node) => sum + feedOf(node).length, 0);
    const invalid = new Map<string, readonly GraphQLError[]>();
    answer = async (slug, body) => {
      const request = JSON.parse(body) as GraphQLBody;
      const document = parsed(request.query);
      let errors = invalid.get(request.query);
      if (!errors) invalid.set(request.query, (errors = validate(schema, document)));
      if (errors.length) {
        counters.failures++;
        sample(`invalid (${slug}): ${errors[0].message}`);
        return { status: 400, text: JSON.stringify({ errors }) };
      }
      const result = await execute({
        schema,
        document,
        variableValues: request.variables ?? {},
        operationName: request.operationName ?? undefined,
        contextValue: data.get(slug) as NodeData,
      });
      if (result.errors?.length) {
        counters.failures++;
        sample(`errors (${slug}): ${result.errors[0].message}`);
      }
      return { status: 200, text: JSON.stringify(result) };
    };
  }

  const inspections = new Map<string, Inspection>();
  const inspectBody = (body: string) => {
    let found = inspections.get(body);
    if (!found) {
      found = inspect(JSON.parse(body) as GraphQLBody);
      if (inspections.size > 10_000) inspections.clear();
      inspections.set(body, found);
    }
    return found;
  };

  async function handle(
    spec: StubNodeSpec,
    body: string,
    arrival: number,
    res: ServerResponse,
  ): Promise<void> {
    counters.requests[spec.slug] = (counters.requests[spec.slug] ?? 0) + 1;
    let inspection: Inspection;
    try {
      inspection = inspectBody(body);
    } catch (error) {
      counters.failures++;
      sample(`unreadable (${spec.slug}): ${(error as Error).message}`);
      res
        .writeHead(400, { 'content-type': 'application/json' })
        .end(JSON.stringify({ errors: [{ message: 'unreadable request' }] }));
      return;
    }
    if (inspection.probe) counters.probes++;
    else counters.duplicateKeys += inspection.duplicateKeys;
    const entry: LoggedRequest | undefined =
      logging && !inspection.probe
        ? {
            slug: spec.slug,
            arrival,
            end: null,
            answered: false,
            fields: inspection.fields,
            argIds: inspection.argIds,
            resultIds: [],
            duplicateKeys: inspection.duplicateKeys,
          }
        : undefined;
    if (entry) log.push(entry);
    if (spec.hold) {
      res.once('close', () => entry && (entry.end = performance.now()));
      return;
    }
    const cache = answers.get(spec.slug)!;
    let found = cache.get(body);
    if (!found) {
      found = await answer(spec.slug, body);
      if (found.status === 200) cache.set(body, found);
    }
    if (entry) {
      found.resultIds ??= globalIds((JSON.parse(found.text) as { data?: unknown }).data);
      entry.resultIds = found.resultIds;
    }
    const reply = found;
    const send = () => {
      res.writeHead(reply.status, {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(reply.text),
      });
      res.end(reply.text);
      if (entry) {
        entry.end = performance.now();
        entry.answered = true;
      }
    };
    const wait = spec.latencyMs - (performance.now() - arrival);
    if (wait > 0) setTimeout(send, wait);
    else send();
  }

  const servers: Server[] = [];
  const urls: Record<string, string> = {};
  await Promise.all(
    config.nodes.map(async (spec) => {
      const server = createServer((req, res) => {
        const arrival = performance.now();
        const chunks: Buffer[] = [];
        req.on('data', (chunk: Buffer) => chunks.push(chunk));
        req.on('end', () => void handle(spec, Buffer.concat(chunks).toString('utf8'), arrival, res));
      });
      server.keepAliveTimeout = 60_000;
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      servers.push(server);
      urls[spec.slug] = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
    }),
  );
  serveIpc(
    {
      mark: () => {
        log = [];
        logging = true;
        return true;
      },
      log: () => {
        logging = false;
        return log;
      },
      counters: () => counters,
      /** Every event the stubs' feeds hold now. */
      feedEvents: () => feedEvents(),
      /** Publishes an artifact on a stub node and, given `pingUrl`, pings it as a node does. */
      publish: async (payload) => {
        const { slug, pingUrl } = payload as { slug: string; pingUrl?: string };
        const published = publish(slug);
        if (pingUrl)
          await fetch(pingUrl, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ community: slug, head: published.seq }),
          }).then((response) => response.body?.cancel());
        return published;
      },
      hold: (payload) => {
        const { slug, hold } = payload as { slug: string; hold: boolean };
        const spec = config.nodes.find((node) => node.slug === slug);
        if (!spec) throw new Error(`no stub node ${slug}`);
        spec.hold = hold;
        return true;
      },
    },
    async () => {
      for (const server of servers) {
        server.closeAllConnections();
        server.close();
      }
    },
  );
  announceReady({ urls });
}
main().catch(failStart);
