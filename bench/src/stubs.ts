import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Stub nodes: answer the node protocol from recorded responses (keyed by request body), after an
 * injected latency, so that only gateway work is measured. `count` is the requests each received.
 */
export interface StubNode {
  slug: string;
  url: string;
  count: number;
  close(): Promise<void>;
}

function body(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    req.on('data', (c: Buffer) => (text += c.toString()));
    req.on('end', () => resolve(text));
  });
}

export async function startStub(
  slug: string,
  answer: (request: { operationName?: string; query: string; variables?: Record<string, unknown> }, raw: string) => unknown,
  latencyMs: () => number = () => 0,
): Promise<StubNode> {
  const stub = { slug, url: '', count: 0 } as StubNode;
  const server: Server = createServer(async (req, res) => {
    const raw = await body(req);
    stub.count++;
    const delay = latencyMs();
    const send = () => {
      const payload = JSON.stringify(answer(JSON.parse(raw || '{}'), raw));
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) });
      res.end(payload);
    };
    if (delay > 0) setTimeout(send, delay);
    else send();
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  stub.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  stub.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return stub;
}

/** A synthetic node's answers for the scaling benchmark: `perNode` artifacts with a few links. */
export function syntheticNode(slug: string, perNode: number, nodeIndex: number) {
  const artifacts = Array.from({ length: perNode }, (_, i) => ({
    id: `${slug}:a${i}`, community: slug, status: 'PUBLISHED', kind: 'PLAYBOOK', title: `${slug} ${i}`, summary: '', body: '',
    tags: [], mediaUrl: null, attribution: slug, version: 1,
    publishedAt: new Date(Date.UTC(2026, 0, 1) + (i * 97 + nodeIndex * 13) * 3_600_000).toISOString(),
    updatedAt: '2026-01-01T00:00:00.000Z', retiredAt: null, retirementReason: null,
    licence: { spdx: 'CC-BY-4.0', name: 'Creative Commons Attribution 4.0', url: null, allowsDerivatives: true, shareAlike: false, commercialUse: true, attributionRequired: true },
    provenance: { authors: ['A'], aiAssisted: false, aiTools: null, reviewer: null },
    versions: [], derivedFrom: [],
  }));
  artifacts.sort((a, b) => b.publishedAt.localeCompare(a.publishedAt) || (a.id < b.id ? -1 : 1));
  return (request: { operationName?: string; query: string; variables?: Record<string, any> }) => {
    switch (request.operationName) {
      case 'NodeProbe':
        return { data: { _service: { sdl: NODE_SDL }, community: { slug, name: slug, software: { name: 'stub', version: '0', protocol: '1' } } } };
      case 'ArtifactPage': {
        const first = request.variables?.first ?? 20;
        return { data: { artifacts: { totalCount: artifacts.length, pageInfo: { hasNextPage: artifacts.length > first }, edges: artifacts.slice(0, first).map((node) => ({ node })) } } };
      }
      case 'AdoptionsOf':
        return { data: { adoptionsOf: [] } };
      case 'FeedbackOn':
        return { data: { feedbackOn: [] } };
      case 'DerivativesOf':
        return { data: { derivativesOf: [] } };
      case 'ArtifactEntities':
        return { data: { _entities: (request.variables?.reps ?? []).map((r: { id: string }) => artifacts.find((a) => a.id === r.id) ?? null) } };
      default:
        return { errors: [{ message: `stub does not know ${request.operationName}` }] };
    }
  };
}

let NODE_SDL = '';
export function setNodeSdl(sdl: string): void {
  NODE_SDL = sdl;
}
