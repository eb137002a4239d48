/** What the gateway asks of nodes: fixed selections, so one request per node per level carries all. */
export const ARTIFACT_FIELDS = `
  id community status kind title summary body tags mediaUrl attribution version publishedAt updatedAt
  retiredAt retirementReason
  licence { spdx name url allowsDerivatives shareAlike commercialUse attributionRequired }
  provenance { authors aiAssisted aiTools reviewer }
  versions { number title changeNote publishedAt licence { spdx } }
  derivedFrom { id artifactId sourceId relation note assertedBy assertedAt }`;

export const DERIVATION_FIELDS = `id artifactId sourceId relation note assertedBy assertedAt`;
export const ADOPTION_FIELDS = `id artifactId community status context impact adaptedAsId recordedAt updatedAt`;
export const FEEDBACK_FIELDS = `id artifactId community kind body givenAt`;
export const RESPONSE_FIELDS = `id feedbackId artifactId community kind body resultingVersion respondedAt`;
export const NEED_FIELDS = `id community title body tags status postedAt closedAt`;
export const ANSWER_FIELDS = `id needId artifactId community note answeredAt`;
export const PROFILE_FIELDS = `slug name description region website`;

export const Q = {
  entities: `query ArtifactEntities($reps: [_Any!]!) { _entities(representations: $reps) { ... on Artifact { ${ARTIFACT_FIELDS} } } }`,
  artifacts: `query ArtifactPage($filter: ArtifactFilter, $first: Int!, $after: String) {
    artifacts(filter: $filter, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage } edges { node { ${ARTIFACT_FIELDS} } } } }`,
  adoptionsOf: `query AdoptionsOf($ids: [ID!]!) { adoptionsOf(artifactIds: $ids) { ${ADOPTION_FIELDS} } }`,
  derivativesOf: `query DerivativesOf($ids: [ID!]!) { derivativesOf(artifactIds: $ids) { ${DERIVATION_FIELDS} } }`,
  feedbackOn: `query FeedbackOn($ids: [ID!]!) { feedbackOn(artifactIds: $ids) { ${FEEDBACK_FIELDS} } }`,
  responsesTo: `query ResponsesTo($ids: [ID!]!) { responsesTo(feedbackIds: $ids) { ${RESPONSE_FIELDS} } }`,
  answersTo: `query AnswersTo($ids: [ID!]!) { answersTo(needIds: $ids) { ${ANSWER_FIELDS} } }`,
  needs: `query Needs($status: NeedStatus) { needs(status: $status) { ${NEED_FIELDS} } }`,
  adoptionsOfCommunity: `query AdoptionsOfCommunity($slug: String!) { adoptionsOfCommunity(community: $slug) { ${ADOPTION_FIELDS} } }`,
  feedbackOnCommunity: `query FeedbackOnCommunity($slug: String!) { feedbackOnCommunity(community: $slug) { ${FEEDBACK_FIELDS} } }`,
  profile: `query Profile { community { ${PROFILE_FIELDS} } }`,
  given: `query Given { community {
    adoptionsGiven { ${ADOPTION_FIELDS} } feedbackGiven { ${FEEDBACK_FIELDS} }
    learningCycles { id cadence startsOn endsOn becameClear surprised failed harvestedArtifactIds }
    contributionRoles { id personName role hoursPerMonth resourcedHoursPerMonth startsOn endsOn } } }`,
};

export interface NodeArtifact {
  id: string;
  community: string;
  licence: { spdx: string };
  publishedAt: string;
  derivedFrom: NodeDerivation[];
  [field: string]: unknown;
}
export interface NodeDerivation {
  id: string;
  artifactId: string;
  sourceId: string;
  relation: string;
  note: string | null;
  assertedBy: string;
  assertedAt: string;
}
export interface NodeAdoption {
  id: string;
  artifactId: string;
  community: string;
  adaptedAsId: string | null;
  [field: string]: unknown;
}
export interface NodeFeedback {
  id: string;
  artifactId: string;
  community: string;
  [field: string]: unknown;
}
export interface NodeResponse {
  id: string;
  feedbackId: string;
  community: string;
  [field: string]: unknown;
}
export interface NodeNeed {
  id: string;
  community: string;
  [field: string]: unknown;
}
export interface NodeAnswer {
  id: string;
  needId: string;
  artifactId: string;
  community: string;
  [field: string]: unknown;
}
export interface NodeProfile {
  slug: string;
  name: string;
  description: string;
  region: string | null;
  website: string | null;
}
