import { Writable } from 'node:stream';
import { readGatewayConfig, startGateway, type RunningGateway } from '@commons-graph/gateway';
import pino from 'pino';
import { codesOf, createTestDatabase, type GraphQLResponse, type TestDatabase } from '@commons-graph/testing';

/** What a portal or a probe meets at the gateway's HTTP door, before any GraphQL runs. */
describe('the gateway over HTTP', () => {
  let gateway: RunningGateway;
  /** Everything the gateway logs. */
  const logged: string[] = [];
  const log = new Writable({
    write(chunk, _encoding, done) {
      logged.push(String(chunk));
      done();
    },
  });
  beforeAll(async () => {
    gateway = await startGateway(
      {
        host: '127.0.0.1',
        port: 0,
        nodes: [],
        nodeTimeoutMs: 500,
        probeIntervalMs: 0,
        breakerThreshold: 5,
        breakerCooldownMs: 1000,
        corsOrigins: ['https://portal.example'],
        logLevel: 'silent',
      },
      { logger: pino({ level: 'trace' }, log) },
    );
  });
  afterAll(() => gateway?.stop());

  const post = (body: string, headers: Record<string, string> = {}) =>
    fetch(gateway.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });

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

  it('refuses malformed and oversized bodies with a JSON GraphQL error', async () => {
    const malformed = await post(
      '{ "query": "{ communities { slug } }", "variables": { "note": Maria keeps the spare keys',
    );
    expect(malformed.status).toBe(400);
    expect(malformed.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await malformed.json()).toEqual({
      errors: [{ message: 'The request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }],
    });
    const huge = await post(
      JSON.stringify({
        query: '{ communities { slug } }',
        variables: { pad: 'spare keys '.repeat(100_000) },
      }),
    );
    expect(huge.status).toBe(413);
    expect(huge.headers.get('content-type')).toMatch(/^application\/json/);
    expect(codesOf((await huge.json()) as GraphQLResponse)).toEqual(['BAD_REQUEST']);
    expect((await post(JSON.stringify({ query: '{ communities { slug } }' }))).status).toBe(200);
  });

  it('logs nothing of a body it could not read', async () => {
    const from = logged.length;
    expect(
      (await post('{ "query": "{ communities { slug } }", "variables": { "note": Maria keeps the spare keys'))
        .status,
    ).toBe(400);
    expect(logged.slice(from).join('')).not.toContain('spare keys');
  });

  it('answers every query limit with 400 and a code', async () => {
    const limits: Array<[string, string]> = [
      [
        `{ __typename ${Array.from({ length: 5_001 }, () => '__typename').join(' ')} }`,
        'GRAPHQL_PARSE_FAILED',
      ],
      // Inline fragments count as levels: deeper than 15 on any schema.
      [`{ ${'... on Query { '.repeat(17)}__typename${' }'.repeat(17)} }`, 'GRAPHQL_VALIDATION_FAILED'],
      [
        `{ ${Array.from({ length: 60 }, (_, i) => `a${i}: __type(name: "Query") { name }`).join(' ')} }`,
        'GRAPHQL_VALIDATION_FAILED',
      ],
      // Within depth, aliases and tokens, but over the cost bound (50,000): a wide selection 13 levels down.
      [
        `{ artifact(id: "a:b") { ${'derivedFrom { source { '.repeat(6)}${'id title '.repeat(300)}${'} } '.repeat(6)}} }`,
        'GRAPHQL_VALIDATION_FAILED',
      ],
    ];
    const messages: string[] = [];
    for (const [query, code] of limits) {
      const response = await post(JSON.stringify({ query }));
      const body = (await response.json()) as GraphQLResponse;
      expect({ status: response.status, codes: codesOf(body) }).toEqual({ status: 400, codes: [code] });
      messages.push(body.errors![0].message);
    }
    expect(messages[3]).toMatch(/Query Cost limit of 50000 exceeded/);
  });

  it('lets only the configured origins read answers from a browser', async () => {
    const preflight = (origin: string) =>
      fetch(gateway.graphqlUrl, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      });
    expect((await preflight('https://portal.example')).headers.get('access-control-allow-origin')).toBe(
      'https://portal.example',
    );
    expect(
      (await preflight('https://elsewhere.example')).headers.get('access-control-allow-origin'),
    ).toBeNull();
  });

  it('shows the sandbox landing page to a browser', async () => {
    const response = await fetch(gateway.graphqlUrl, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
  });
});

describe('the gateway over HTTP with the default configuration', () => {
  let gateway: RunningGateway;
  let index: TestDatabase;
  beforeAll(async () => {
    // Only what readGatewayConfig makes of an empty environment, on a free port (and the Commons
    // index on a test database rather than an embedded PostgreSQL in the working folder).
    index = await createTestDatabase('gateway_http_index');
    gateway = await startGateway(
      {
        ...readGatewayConfig({
          PORT: '0',
          LOG_LEVEL: 'silent',
          PROBE_INTERVAL_MS: '0',
          DATABASE_URL: index.url,
        }),
      },
      { logger: pino({ level: 'silent' }) },
    );
  });
  afterAll(async () => {
    await gateway?.stop();
    await index?.drop();
  });

  it('lets any origin read answers from a browser (CORS_ORIGINS defaults to *)', async () => {
    const preflight = await fetch(gateway.graphqlUrl, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://any-portal.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    const answer = await fetch(gateway.graphqlUrl, {
      method: 'POST',
      headers: { origin: 'https://any-portal.example', 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(answer.headers.get('access-control-allow-origin')).toBe('*');
    expect(await answer.json()).toEqual({ data: { __typename: 'Query' } });
  });
});
