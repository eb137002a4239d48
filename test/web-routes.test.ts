import fc from 'fast-check';
import { artifactPath, communityPath, routeOf } from '../web/src/explorer/routes';

/**
 * The explorer's addresses are stable and shareable: any artifact's or community's page comes back
 * to the same id, and no address, however mangled, breaks the router (it is "not found" at worst).
 * FC_RUNS and FC_SEED run more cases locally.
 */
const settings = { seed: Number(process.env.FC_SEED ?? 13), numRuns: Number(process.env.FC_RUNS ?? 300) };
const localId = fc.string({ minLength: 1, maxLength: 40, unit: 'grapheme' });
const slug = fc.stringMatching(/^[a-z0-9]+(-[a-z0-9]+)*$/);

describe('explorer addresses', () => {
  it('lead every artifact and community page back to its id', () => {
    fc.assert(
      fc.property(slug, localId, (community, local) => {
        const id = `${community}:${local}`;
        expect(routeOf(artifactPath(id), '')).toEqual({ page: 'artifact', id });
        expect(routeOf(communityPath(community), '?months=6')).toEqual({
          page: 'community',
          slug: community,
          params: new URLSearchParams('?months=6'),
        });
      }),
      settings,
    );
  });

  it('keep an artifact id readable in the address', () => {
    expect(artifactPath('klamath-soil:field-guide')).toBe('/a/klamath-soil:field-guide');
  });

  it('turn any other path into a known page or "not found", never an exception', () => {
    const pages = ['search', 'artifact', 'community', 'needs', 'report', 'missing'];
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), fc.string({ maxLength: 30 }), (path, search) => {
        expect(pages).toContain(routeOf(`/${path}`, search).page);
      }),
      settings,
    );
    expect(routeOf('/a/%E0%A4%A', '').page).toBe('missing');
  });
});
