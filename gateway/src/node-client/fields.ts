/**
 * The node protocol's root fields the gateway asks for. Each is a building block: the batch joins
 * every field asked of one node in one resolution level into a single aliased operation.
 */
export interface NodeField {
  /** Names the field in operation names and logs, e.g. `AdoptionsOf`. */
  readonly label: string;
  /** The node's root field. */
  readonly name: string;
  /** Its arguments, each with its GraphQL type. */
  readonly args: Readonly<Record<string, string>>;
  /** The selection set, braces included. */
  readonly selection: string;
  /** Whether an answer has the shape the gateway reads; a node answering otherwise failed. */
  readonly valid: (answer: unknown) => boolean;
}

const isList = (answer: unknown) => Array.isArray(answer);
export const isObject = (answer: unknown) => typeof answer === 'object' && answer !== null && !Array.isArray(answer);
export const isConnection = (answer: unknown) => isObject(answer) && Array.isArray((answer as { edges?: unknown }).edges);

export const DERIVATION_FIELDS = `id artifactId sourceId relation note assertedBy assertedAt`;
export const ADOPTION_FIELDS = `id artifactId community status context impact adaptedAsId recordedAt updatedAt`;
export const FEEDBACK_FIELDS = `id artifactId community kind body givenAt`;
export const RESPONSE_FIELDS = `id feedbackId artifactId community kind body resultingVersion respondedAt`;
export const NEED_FIELDS = `id community title body tags status postedAt closedAt`;
export const ANSWER_FIELDS = `id needId artifactId community note answeredAt`;
export const PROFILE_FIELDS = `slug name description region website`;

const IDS = { artifactIds: '[ID!]!' };

export const F = {
  adoptionsOf: { label: 'AdoptionsOf', name: 'adoptionsOf', args: IDS, selection: `{ ${ADOPTION_FIELDS} }`, valid: isList },
  derivativesOf: { label: 'DerivativesOf', name: 'derivativesOf', args: IDS, selection: `{ ${DERIVATION_FIELDS} }`, valid: isList },
  feedbackOn: { label: 'FeedbackOn', name: 'feedbackOn', args: IDS, selection: `{ ${FEEDBACK_FIELDS} }`, valid: isList },
  responsesTo: { label: 'ResponsesTo', name: 'responsesTo', args: { feedbackIds: '[ID!]!' }, selection: `{ ${RESPONSE_FIELDS} }`, valid: isList },
  answersTo: { label: 'AnswersTo', name: 'answersTo', args: { needIds: '[ID!]!' }, selection: `{ ${ANSWER_FIELDS} }`, valid: isList },
  needs: { label: 'Needs', name: 'needs', args: { status: 'NeedStatus' }, selection: `{ ${NEED_FIELDS} }`, valid: isList },
  adoptionsOfCommunity: {
    label: 'AdoptionsOfCommunity', name: 'adoptionsOfCommunity', args: { community: 'String!' }, selection: `{ ${ADOPTION_FIELDS} }`, valid: isList,
  },
  feedbackOnCommunity: {
    label: 'FeedbackOnCommunity', name: 'feedbackOnCommunity', args: { community: 'String!' }, selection: `{ ${FEEDBACK_FIELDS} }`, valid: isList,
  },
  profile: { label: 'Profile', name: 'community', args: {}, selection: `{ ${PROFILE_FIELDS} }`, valid: isObject },
  given: {
    label: 'Given', name: 'community', args: {}, selection: `{
    adoptionsGiven { ${ADOPTION_FIELDS} } feedbackGiven { ${FEEDBACK_FIELDS} }
    learningCycles { id cadence startsOn endsOn becameClear surprised failed harvestedArtifactIds }
    contributionRoles { id personName role hoursPerMonth resourcedHoursPerMonth startsOn endsOn } }`,
    valid: isObject,
  },
} satisfies Record<string, NodeField>;

/** `_entities` for artifacts, with the node fields the client's selection needs. */
export const artifactEntitiesField = (fields: string): NodeField => ({
  label: 'ArtifactEntities',
  name: '_entities',
  args: { representations: '[_Any!]!' },
  selection: `{ ... on Artifact { ${fields} } }`,
  valid: isList,
});

/** One node's page of artifacts, with the node fields the client's selection needs. */
export const artifactPageField = (fields: string): NodeField => ({
  label: 'ArtifactPage',
  name: 'artifacts',
  args: { filter: 'ArtifactFilter', first: 'Int!', after: 'String' },
  selection: `{ totalCount pageInfo { hasNextPage } edges { node { ${fields} } } }`,
  valid: isConnection,
});
