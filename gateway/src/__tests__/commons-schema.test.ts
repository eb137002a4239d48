import { readFileSync } from 'node:fs';
import { COMMONS_SDL_PATH } from '@commons-graph/schema';
import { printSchema } from 'graphql';
import { buildCommonsSchema } from '../server';

describe('the Commons schema (schema/commons.graphql)', () => {
  it('is exactly the SDL the gateway serves (re-print it with `commons-gateway print-schema --out`)', () => {
    expect(`${printSchema(buildCommonsSchema())}\n`).toBe(readFileSync(COMMONS_SDL_PATH, 'utf8'));
  });
});
