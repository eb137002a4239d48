import { readFileSync } from 'node:fs';
import { composeServices } from '@apollo/composition';
import { buildSubgraphSchema, printSubgraphSchema } from '@apollo/subgraph';
import { NODE_SDL_PATH } from '@commons-graph/schema';
import { parse } from 'graphql';
import { startTestNode, type TestNode } from '@commons-graph/testing';
import { buildPublicSchema, printPublicSdl } from '../public/schema';

describe('the node contract (schema/node.graphql)', () => {
  it('is exactly the SDL the code builds (re-print it with `community-node print-schema`)', async () => {
    const printed = printPublicSdl(await buildPublicSchema());
    expect(printed).toBe(readFileSync(NODE_SDL_PATH, 'utf8'));
  });

  it('composes as a valid Federation 2 subgraph any Apollo router could consume', () => {
    const sdl = readFileSync(NODE_SDL_PATH, 'utf8');
    const result = composeServices([
      { name: 'klamath-soil', typeDefs: parse(sdl), url: 'http://localhost:4001/graphql' },
    ]);
    expect(result.errors ?? []).toEqual([]);
    expect(result.supergraphSdl).toContain('type Artifact');
  });

  describe('served by a running node', () => {
    let node: TestNode;
    beforeAll(async () => {
      node = await startTestNode('contract-check');
    });
    afterAll(() => node?.stop());

    it('answers _service { sdl } with the contract and describes itself', async () => {
      const { _service } = await node.publicOk(`{ _service { sdl } }`);
      // _service also spells out the federation definitions; normalised, it is the contract.
      const served = printSubgraphSchema(buildSubgraphSchema(parse(_service.sdl)));
      expect(served).toBe(readFileSync(NODE_SDL_PATH, 'utf8'));
      const { community } = await node.publicOk(
        `{ community { slug name software { name version protocol } } }`,
      );
      expect(community).toEqual({
        slug: 'contract-check',
        name: 'contract-check',
        software: { name: 'commons-graph-community-node', version: expect.any(String), protocol: '1' },
      });
      const wellKnown = await fetch(`${node.node.url}/.well-known/commons-node`).then((r) => r.json());
      expect(wellKnown).toMatchObject({ community: 'contract-check', software: { protocol: '1' } });
    });
  });
});
