/**
 * Public entities as a node's change feed carries them, one maker per kind: every field of the
 * member type, with values that change with `version` so a test can tell an old state from a new one.
 */
export type ChangeKind =
  | 'ARTIFACT'
  | 'DERIVATION'
  | 'ADOPTION'
  | 'FEEDBACK'
  | 'RESPONSE'
  | 'NEED'
  | 'NEED_ANSWER'
  | 'COMMUNITY'
  | 'LEARNING_CYCLE'
  | 'CONTRIBUTION_ROLE';

export const CHANGE_KINDS: readonly ChangeKind[] = [
  'ARTIFACT',
  'DERIVATION',
  'ADOPTION',
  'FEEDBACK',
  'RESPONSE',
  'NEED',
  'NEED_ANSWER',
  'COMMUNITY',
  'LEARNING_CYCLE',
  'CONTRIBUTION_ROLE',
];

export type Member = Record<string, unknown>;

/** One change: the entity it is about, and its state (null: it is not public any more). */
export interface ScriptedChange {
  kind: ChangeKind;
  entityId: string;
  member: Member | null;
}

const AT = '2026-03-01T10:00:00.000Z';
const LICENCE = {
  spdx: 'CC-BY-SA-4.0',
  name: 'Creative Commons Attribution Share Alike 4.0 International',
  url: 'https://creativecommons.org/licenses/by-sa/4.0/',
  allowsDerivatives: true,
  shareAlike: true,
  commercialUse: true,
  attributionRequired: true,
};
const PROVENANCE = { authors: ['Rosa Ortiz'], aiAssisted: false, aiTools: null, reviewer: null };

function artifact(slug: string, local: string, version: number): Member {
  const content = {
    kind: 'PLAYBOOK',
    title: `${local} (version ${version})`,
    summary: `What ${slug} learned about ${local}`,
    body: `Step ${version}: cover crops first, then compost.`,
    tags: ['soil', `v${version % 3}`],
    mediaUrl: null,
    licence: LICENCE,
    attribution: `${slug} stewards`,
    provenance: PROVENANCE,
  };
  return {
    id: `${slug}:${local}`,
    community: slug,
    status: 'PUBLISHED',
    ...content,
    version,
    publishedAt: '2026-01-15T09:00:00.000Z',
    updatedAt: AT,
    retiredAt: null,
    retirementReason: null,
    versions: Array.from({ length: version }, (_, i) => ({
      number: i + 1,
      ...content,
      changeNote: i ? `revision ${i + 1}` : null,
      publishedAt: AT,
    })),
  };
}

const MAKERS: Record<ChangeKind, (slug: string, local: string, version: number) => Member> = {
  ARTIFACT: artifact,
  DERIVATION: (slug, local, version) => ({
    id: `${slug}:${local}`,
    artifactId: `${slug}:derived-${local}`,
    sourceId: 'elsewhere:source',
    relation: version % 2 ? 'EXTENDS' : 'ADAPTS',
    note: `note ${version}`,
    assertedBy: slug,
    assertedAt: AT,
  }),
  ADOPTION: (slug, local, version) => ({
    id: `${slug}:${local}`,
    artifactId: 'elsewhere:playbook',
    community: slug,
    status: version % 2 ? 'TRIAL' : 'ADOPTED',
    context: `Used in ${local}, round ${version}`,
    impact: null,
    adaptedAsId: null,
    recordedAt: AT,
    updatedAt: AT,
  }),
  FEEDBACK: (slug, local, version) => ({
    id: `${slug}:${local}`,
    artifactId: 'elsewhere:playbook',
    community: slug,
    kind: 'GAP',
    body: `Gap ${version}`,
    givenAt: AT,
  }),
  RESPONSE: (slug, local, version) => ({
    id: `${slug}:${local}`,
    feedbackId: 'elsewhere:feedback',
    artifactId: `${slug}:guide`,
    community: slug,
    kind: 'ACKNOWLEDGED',
    body: `Thanks, ${version}`,
    resultingVersion: null,
    respondedAt: AT,
  }),
  NEED: (slug, local, version) => ({
    id: `${slug}:${local}`,
    community: slug,
    title: `Need ${local}`,
    body: `Asked ${version} times`,
    tags: ['intake'],
    status: version % 2 ? 'OPEN' : 'ANSWERED',
    postedAt: AT,
    closedAt: null,
  }),
  NEED_ANSWER: (slug, local, version) => ({
    id: `${slug}:${local}`,
    needId: 'elsewhere:need',
    artifactId: `${slug}:guide`,
    community: slug,
    note: `offer ${version}`,
    answeredAt: AT,
  }),
  COMMUNITY: (slug, _local, version) => ({
    slug,
    name: `${slug} circle`,
    description: `Profile version ${version}`,
    region: null,
    website: null,
    software: { name: 'scripted-feed', version: '1', protocol: '1' },
  }),
  LEARNING_CYCLE: (slug, local, version) => ({
    id: `${slug}:${local}`,
    cadence: 'MONTHLY',
    startsOn: '2026-01-01',
    endsOn: '2026-01-31',
    becameClear: `Clear ${version}`,
    surprised: 'Rain',
    failed: 'Nothing',
    harvestedArtifactIds: [],
  }),
  CONTRIBUTION_ROLE: (slug, local, version) => ({
    id: `${slug}:${local}`,
    personName: `Person ${local}`,
    role: 'translator',
    hoursPerMonth: 10 + version,
    resourcedHoursPerMonth: 2,
    startsOn: '2026-01-01',
    endsOn: null,
  }),
};

/** The entityId the feed gives an entity of `kind` named `local` on `slug`'s node. */
export const entityIdOf = (kind: ChangeKind, slug: string, local: string) =>
  kind === 'COMMUNITY' ? slug : `${slug}:${local}`;

/** A change making `local` of `kind` public at `version` (or, with `removed`, not public any more). */
export function change(
  kind: ChangeKind,
  slug: string,
  local: string,
  version = 1,
  removed = false,
): ScriptedChange {
  return {
    kind,
    entityId: entityIdOf(kind, slug, local),
    member: removed ? null : MAKERS[kind](slug, local, version),
  };
}

/** A derivation `local` on `slug`'s node linking `artifactId` to `sourceId`, whatever ids they are. */
export function derivationChange(
  slug: string,
  local: string,
  artifactId: string,
  sourceId: string,
  version = 1,
): ScriptedChange {
  const made = change('DERIVATION', slug, local, version);
  return { ...made, member: { ...made.member, artifactId, sourceId } };
}
