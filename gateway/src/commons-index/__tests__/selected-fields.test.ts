import { readGlobalId } from '@commons-graph/schema';
import { openTestIndex, type TestIndex } from '@commons-graph/testing';
import { artifactSelectionOf, DERIVATION_FIELDS } from '../../node-client/fields';
import type { NodeArtifact } from '../../node-client/types';
import { indexArtifactPage } from '../reads/artifact-page';
import { Followed } from '../reads/followed';
import { indexLoaders } from '../reads/loaders';

const LICENCE = {
  spdx: 'CC-BY-4.0',
  name: 'Creative Commons Attribution 4.0 International',
  url: 'https://creativecommons.org/licenses/by/4.0/legalcode',
  shareAlike: false,
};
const doc = (n: number) => ({
  id: `circle:a${n}`,
  community: 'circle',
  publishedAt: `2026-0${n}-01T00:00:00.000Z`,
  title: `Guide ${n}`,
  body: 'a long body',
  licence: LICENCE,
  versions: [{ number: 1, title: `Guide ${n}`, body: 'a long body', licence: LICENCE }],
});
const LINK = {
  id: 'circle:d1',
  artifactId: 'circle:a2',
  sourceId: 'circle:a1',
  relation: 'TRANSLATION',
  note: null,
  assertedBy: 'circle',
  assertedAt: '2026-03-01T00:00:00.000Z',
};

const TITLES = artifactSelectionOf('id community publishedAt title licence { spdx name }');
const LINKS = artifactSelectionOf(`id community publishedAt derivedFrom { ${DERIVATION_FIELDS} }`);

/**
 * The index answers an artifact with the fields the operation selects, as a node answers the
 * same selection: bodies and versions not selected are neither read out nor parsed, and the
 * derivation links (a table of their own) only when selected.
 */
describe('index reads of the selected fields', () => {
  let opened: TestIndex;
  const participants = () => ['circle'];
  const page = (selection = TITLES, filter?: Record<string, unknown>) =>
    indexArtifactPage(opened.index, new Followed(opened.index), participants, selection, filter, 10, null);

  beforeAll(async () => {
    opened = await openTestIndex('selected-fields');
    await opened.index.read(
      `insert into artifact (id, community, seq, doc, status, kind, licence, tags, published_at, updated_at, search)
        select d->>'id', 'circle', 1, d, 'PUBLISHED', 'GUIDE', 'CC-BY-4.0', '{}',
          (d->>'publishedAt')::timestamptz, now(), ''::tsvector from jsonb_array_elements($1::jsonb) d`,
      [JSON.stringify([doc(1), doc(2)])],
    );
    await opened.index.read(
      `insert into derivation (id, community, seq, doc, artifact_id, source_id, relation)
        values ($1, 'circle', 1, $2, $3, $4, $5)`,
      [LINK.id, JSON.stringify(LINK), LINK.artifactId, LINK.sourceId, LINK.relation],
    );
  });
  afterAll(() => opened?.close());

  const titled = (n: number) => {
    const { id, community, publishedAt, title } = doc(n);
    return { id, community, publishedAt, title, licence: { spdx: LICENCE.spdx, name: LICENCE.name } };
  };

  it('reads a page with just the selected fields, links only when selected', async () => {
    expect((await page()).artifacts).toEqual([titled(2), titled(1)]);
    expect((await page(LINKS)).artifacts).toEqual([
      { id: 'circle:a2', community: 'circle', publishedAt: doc(2).publishedAt, derivedFrom: [LINK] },
      { id: 'circle:a1', community: 'circle', publishedAt: doc(1).publishedAt, derivedFrom: [] },
    ]);
    // Filtered, the same fields.
    expect((await page(TITLES, { licences: ['CC-BY-4.0'] })).artifacts).toEqual([titled(2), titled(1)]);
  });

  it('looks artifacts up by id with the same fields, one loader per selection', async () => {
    const loaders = indexLoaders(opened.index, participants);
    const ids = ['circle:a1', 'circle:a2', 'circle:none'].map((id) => readGlobalId(id)!);
    expect(await loaders.artifacts(TITLES).loadMany(ids)).toEqual([titled(1), titled(2), null]);
    const linked = (await loaders.artifacts(LINKS).load(ids[1])) as NodeArtifact & { derivedFrom: unknown };
    expect(linked.derivedFrom).toEqual([LINK]);
    expect(loaders.artifacts(TITLES)).not.toBe(loaders.artifacts(LINKS));
  });
});
