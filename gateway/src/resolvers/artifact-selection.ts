import { artifactSelectionOf, DERIVATION_FIELDS, type ArtifactSelection } from '../node-client/fields';
import { eachSelectedField, perOperation } from './operation-fields';

const DERIVED_FROM = `derivedFrom { ${DERIVATION_FIELDS} }`;

/**
 * Commons object types nodes serve under the same names and fields: the gateway asks for just the
 * subfields the client selects (the licence always with its SPDX id, which licence checks read).
 */
const PASSED_THROUGH: Readonly<Record<string, { field: string; always: string }>> = {
  Licence: { field: 'licence', always: 'spdx' },
  Provenance: { field: 'provenance', always: 'aiAssisted' },
};

/**
 * The node fields each Commons `Artifact` field needs. Links stored on other nodes (adoptions,
 * derivatives, feedback) need only the id; lineage walks `derivedFrom`; the licence check reads
 * both licences and the adaptation edges. A test checks every Commons field has an entry.
 */
export const NODE_FIELDS_FOR: Readonly<Record<string, readonly string[]>> = {
  id: [],
  community: [],
  publishedAt: [],
  status: ['status'],
  kind: ['kind'],
  title: ['title'],
  summary: ['summary'],
  body: ['body'],
  tags: ['tags'],
  mediaUrl: ['mediaUrl'],
  licence: ['licence'],
  attribution: ['attribution'],
  provenance: ['provenance'],
  version: ['version'],
  versions: ['versions { number title changeNote publishedAt licence { spdx } }'],
  updatedAt: ['updatedAt'],
  retiredAt: ['retiredAt'],
  retirementReason: ['retirementReason'],
  adoptions: [],
  derivedFrom: [DERIVED_FROM],
  derivatives: [],
  lineage: [DERIVED_FROM],
  feedback: [],
  licenceCheck: ['licence', DERIVED_FROM],
};

/** Routing (`community`), merging pages (`publishedAt`, `id`) and caching need these always. */
const ALWAYS = ['id', 'community', 'publishedAt'];

/** The selection for these node fields, with the asked subfields of objects passed through (by Commons type). */
export function selectionOf(parts: Iterable<string>, subfields: Map<string, Set<string>>): ArtifactSelection {
  const objects = new Map(
    Object.entries(PASSED_THROUGH).map(([type, { field, always }]) => [
      field,
      [always, ...(subfields.get(type) ?? [])],
    ]),
  );
  const fields = [...new Set([...ALWAYS, ...parts])]
    .map((part) => (objects.has(part) ? `${part} { ${[...new Set(objects.get(part))].join(' ')} }` : part))
    .join(' ');
  return artifactSelectionOf(fields);
}

const edgesSelected = new WeakMap<ArtifactSelection, readonly string[] | null>();

/**
 * The `LineageEdge` fields an operation selects anywhere (null: it shows no edges), so the index
 * sends no more of each link; undefined for any selection not collected from an operation, which
 * gets whole links.
 */
export const lineageEdgeFields = (selection: ArtifactSelection) => edgesSelected.get(selection);

const linksWalkedOnly = new WeakSet<ArtifactSelection>();

/**
 * Whether an operation's artifacts need `derivedFrom` only for the live walk of a lineage (no
 * field shows the links or checks licences with them): the index walks in SQL and need not read
 * them. False for any selection not collected from an operation.
 */
export const walksLinksOnly = (selection: ArtifactSelection) => linksWalkedOnly.has(selection);

/**
 * Every `Artifact` field the operation selects anywhere, mapped to the node fields they need: one
 * selection per operation, so one `_entities` document per node and level.
 */
export const artifactSelection = perOperation((info): ArtifactSelection => {
  const parts: string[] = [];
  const subfields = new Map<string, Set<string>>();
  let walked = false;
  let shown = false;
  let edgesShown = false;
  const edgeFields = new Set<string>();
  eachSelectedField(info, (parent, name) => {
    if (parent === 'Artifact') {
      // A field this table does not know (only __typename) needs nothing from the node.
      if (Object.hasOwn(NODE_FIELDS_FOR, name)) parts.push(...NODE_FIELDS_FOR[name]);
      if (name === 'lineage') walked = true;
      else if (NODE_FIELDS_FOR[name]?.includes(DERIVED_FROM)) shown = true;
    } else if (parent === 'Lineage' && name === 'edges') {
      edgesShown = true;
    } else if (parent === 'LineageEdge' && name !== '__typename') {
      edgeFields.add(name);
    } else if (parent && Object.hasOwn(PASSED_THROUGH, parent) && name !== '__typename') {
      (subfields.get(parent) ?? subfields.set(parent, new Set()).get(parent)!).add(name);
    }
  });
  const selection = selectionOf(parts, subfields);
  if (walked && !shown) linksWalkedOnly.add(selection);
  if (walked) edgesSelected.set(selection, edgesShown ? [...edgeFields].sort() : null);
  return selection;
});
