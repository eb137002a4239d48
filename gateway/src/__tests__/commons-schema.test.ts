import { readFileSync } from 'node:fs';
import { COMMONS_SDL_PATH } from '@commons-graph/schema';
import { buildClientSchema, getIntrospectionQuery, printSchema, type IntrospectionQuery } from 'graphql';
import { readGatewayConfig } from '../config';
import { buildCommonsSchema, startGateway } from '../server';

/** schema/commons.graphql is the one definition of the Commons schema: the gateway reads it at start. */
describe('the Commons schema (schema/commons.graphql)', () => {
  const file = () => readFileSync(COMMONS_SDL_PATH, 'utf8');

  it('is exactly the SDL the gateway builds, in printed form (re-print it with `commons-gateway print-schema --out`)', () => {
    expect(`${printSchema(buildCommonsSchema())}\n`).toBe(file());
  });

  it('is exactly what a running gateway serves to introspection', async () => {
    const gateway = await startGateway({
      ...readGatewayConfig({ PORT: '0', NODES: '', LOG_LEVEL: 'silent', PROBE_INTERVAL_MS: '0' }),
      // The schema is the same with or without an index; this test needs no database.
      index: undefined,
      source: 'live',
    });
    try {
      const response = await fetch(gateway.graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: getIntrospectionQuery({ descriptions: true, specifiedByUrl: true }) }),
      });
      const { data } = (await response.json()) as { data: IntrospectionQuery };
      expect(`${printSchema(buildClientSchema(data))}\n`).toBe(file());
    } finally {
      await gateway.stop();
    }
  });
});
