import { readGatewayConfig, startGateway, type RunningGateway } from '@commons-graph/gateway';
import pino from 'pino';

/** What a portal or a probe meets at the gateway's HTTP door, before any GraphQL runs. */
describe('the gateway over HTTP', () => {
  let gateway: RunningGateway;
  beforeAll(async () => {
    gateway = await startGateway(
      {
        host: '127.0.0.1', port: 0, nodes: [], nodeTimeoutMs: 500, probeIntervalMs: 0, breakerThreshold: 5,
        breakerCooldownMs: 1000, corsOrigins: ['https://portal.example'], logLevel: 'silent',
      },
      { logger: pino({ level: 'silent' }) },
    );
  });
  afterAll(() => gateway?.stop());

  const post = (body: string, headers: Record<string, string> = {}) =>
    fetch(gateway.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

  it('answers health checks with the state of every node', async () => {
    const response = await fetch(`${gateway.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', nodes: [] });
  });

  it('serves GraphQL at /graphql and nothing elsewhere', async () => {
    const response = await post(JSON.stringify({ query: '{ communities { slug } }' }));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { communities: [] } });
    expect((await fetch(`${gateway.url}/elsewhere`, { method: 'POST', body: '{}' })).status).toBe(404);
  });

  it('refuses malformed and oversized bodies with a status, not a crash', async () => {
    expect((await post('{ "query": ')).status).toBe(400);
    const huge = JSON.stringify({ query: '{ communities { slug } }', variables: { pad: 'x'.repeat(1_100_000) } });
    expect((await post(huge)).status).toBe(413);
    expect((await post(JSON.stringify({ query: '{ communities { slug } }' }))).status).toBe(200);
  });

  it('lets only the configured origins read answers from a browser', async () => {
    const preflight = (origin: string) =>
      fetch(gateway.graphqlUrl, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
    expect((await preflight('https://portal.example')).headers.get('access-control-allow-origin')).toBe('https://portal.example');
    expect((await preflight('https://elsewhere.example')).headers.get('access-control-allow-origin')).toBeNull();
  });

  it('shows the sandbox landing page to a browser', async () => {
    const response = await fetch(gateway.graphqlUrl, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
  });
});

describe('the gateway over HTTP with the default configuration', () => {
  let gateway: RunningGateway;
  beforeAll(async () => {
    // Only what readGatewayConfig makes of an empty environment, on a free port.
    gateway = await startGateway({ ...readGatewayConfig({ PORT: '0', LOG_LEVEL: 'silent', PROBE_INTERVAL_MS: '0' }) }, { logger: pino({ level: 'silent' }) });
  });
  afterAll(() => gateway?.stop());

  it('lets any origin read answers from a browser (CORS_ORIGINS defaults to *)', async () => {
    const preflight = await fetch(gateway.graphqlUrl, {
      method: 'OPTIONS',
      headers: { origin: 'https://any-portal.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    const answer = await fetch(gateway.graphqlUrl, {
      method: 'POST', headers: { origin: 'https://any-portal.example', 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(answer.headers.get('access-control-allow-origin')).toBe('*');
    expect(await answer.json()).toEqual({ data: { __typename: 'Query' } });
  });
});
