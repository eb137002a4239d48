/**
 * The node protocol's root fields the gateway asks for. Each is a building block: the batch joins
 * every field asked of one node in one resolution level into a single aliased operation. What a
 * node may answer is derived from the selection (answer-check.ts), so each field is declared once.
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
  /** How the answer must relate to what was asked, beyond the shape the selection gives it. */
  readonly answers?: readonly AskedRule[];
}

/**
 * A rule relating a node's answer to the arguments it was asked with (`argument` names a variable
 * of the field). `each` is a key of every item of the answered list.
 */
export type AskedRule =
  /** Each item's `each` is one of the values asked for: adoptions of the artifacts asked about. */
  | { readonly each: string; readonly oneOf: string }
  /** Each item's `each` is an id of the community asked about. */
  | { readonly each: string; readonly ofCommunity: string }
  /** Each item's `each` equals the argument, when it was given (a status filter). */
  | { readonly each: string; readonly equals: string }
  /** One entry per representation, in order, each null or the entity with the id asked for. */
  | { readonly entitiesOf: string }
  /** The answer's list `list` has at most as many items as the argument says (a page size). */
  | { readonly list: string; readonly atMost: string };

/**
 * What each node type speaks for, as data: `own` ids must be the answering node's
 * (`<its slug>:…`), `slug` fields must be its slug, `global` fields any community's global id.
 * A node may say anything about its own community, nothing in the name of another.
 */
export const SPOKEN_FOR: Readonly<
  Record<
    string,
    {
      own?: readonly string[];
      ownLists?: readonly string[];
      slug?: readonly string[];
      global?: readonly string[];
    }
  >
> = {
  Artifact: { own: ['id'], slug: ['community'] },
  DerivationLink: { own: ['id', 'artifactId'], slug: ['assertedBy'], global: ['sourceId'] },
  Adoption: { own: ['id', 'adaptedAsId'], slug: ['community'], global: ['artifactId'] },
  Feedback: { own: ['id'], slug: ['community'], global: ['artifactId'] },
  FeedbackResponse: { own: ['id', 'artifactId'], slug: ['community'], global: ['feedbackId'] },
  Need: { own: ['id'], slug: ['community'] },
  NeedAnswer: { own: ['id', 'artifactId'], slug: ['community'], global: ['needId'] },
  LearningCycleSummary: { own: ['id'], ownLists: ['harvestedArtifactIds'] },
  ContributionRole: { own: ['id'] },
  Community: { slug: ['slug'] },
};

export const DERIVATION_FIELDS = `id artifactId sourceId relation note assertedBy assertedAt`;
export const ADOPTION_FIELDS = `id artifactId community status context impact adaptedAsId recordedAt updatedAt`;
export const FEEDBACK_FIELDS = `id artifactId community kind body givenAt`;
export const RESPONSE_FIELDS = `id feedbackId artifactId community kind body resultingVersion respondedAt`;
export const NEED_FIELDS = `id community title body tags status postedAt closedAt`;
export const ANSWER_FIELDS = `id needId artifactId community note answeredAt`;
export const PROFILE_FIELDS = `slug name description region website`;

const IDS = { artifactIds: '[ID!]!' };
const about = (each: string, oneOf: string): readonly AskedRule[] => [{ each, oneOf }];

/** Every fixed root field the gateway asks nodes for (artifacts are asked with the selection of each operation, below). */
export const NODE_FIELDS = {
  adoptionsOf: {
    label: 'AdoptionsOf',
    name: 'adoptionsOf',
    args: IDS,
    selection: `{ ${ADOPTION_FIELDS} }`,
    answers: about('artifactId', 'artifactIds'),
  },
  derivativesOf: {
    label: 'DerivativesOf',
    name: 'derivativesOf',
    args: IDS,
    selection: `{ ${DERIVATION_FIELDS} }`,
    answers: about('sourceId', 'artifactIds'),
  },
  feedbackOn: {
    label: 'FeedbackOn',
    name: 'feedbackOn',
    args: IDS,
    selection: `{ ${FEEDBACK_FIELDS} }`,
    answers: about('artifactId', 'artifactIds'),
  },
  responsesTo: {
    label: 'ResponsesTo',
    name: 'responsesTo',
    args: { feedbackIds: '[ID!]!' },
    selection: `{ ${RESPONSE_FIELDS} }`,
    answers: about('feedbackId', 'feedbackIds'),
  },
  answersTo: {
    label: 'AnswersTo',
    name: 'answersTo',
    args: { needIds: '[ID!]!' },
    selection: `{ ${ANSWER_FIELDS} }`,
    answers: about('needId', 'needIds'),
  },
  needs: {
    label: 'Needs',
    name: 'needs',
    args: { status: 'NeedStatus' },
    selection: `{ ${NEED_FIELDS} }`,
    answers: [{ each: 'status', equals: 'status' }],
  },
  adoptionsOfCommunity: {
    label: 'AdoptionsOfCommunity',
    name: 'adoptionsOfCommunity',
    args: { community: 'String!' },
    selection: `{ ${ADOPTION_FIELDS} }`,
    answers: [{ each: 'artifactId', ofCommunity: 'community' }],
  },
  feedbackOnCommunity: {
    label: 'FeedbackOnCommunity',
    name: 'feedbackOnCommunity',
    args: { community: 'String!' },
    selection: `{ ${FEEDBACK_FIELDS} }`,
    answers: [{ each: 'artifactId', ofCommunity: 'community' }],
  },
  profile: { label: 'Profile', name: 'community', args: {}, selection: `{ ${PROFILE_FIELDS} }` },
  given: {
    label: 'Given',
    name: 'community',
    args: {},
    selection: `{
    adoptionsGiven { ${ADOPTION_FIELDS} } feedbackGiven { ${FEEDBACK_FIELDS} }
    learningCycles { id cadence startsOn endsOn becameClear surprised failed harvestedArtifactIds }
    contributionRoles { id personName role hoursPerMonth resourcedHoursPerMonth startsOn endsOn } }`,
  },
  /** The health probe's two fields: the served schema, and who the node says it is. */
  service: { label: 'NodeProbe', name: '_service', args: {}, selection: `{ sdl }` },
  identity: {
    label: 'NodeProbe',
    name: 'community',
    args: {},
    selection: `{ slug name software { name version protocol } }`,
  },
} satisfies Record<string, NodeField>;

/** `_entities` for artifacts, with the node fields the client's selection needs. */
export const artifactEntitiesField = (fields: string): NodeField => ({
  label: 'ArtifactEntities',
  name: '_entities',
  args: { representations: '[_Any!]!' },
  selection: `{ ... on Artifact { ${fields} } }`,
  answers: [{ entitiesOf: 'representations' }],
});

/** One node's page of artifacts, with the node fields the client's selection needs. */
export const artifactPageField = (fields: string): NodeField => ({
  label: 'ArtifactPage',
  name: 'artifacts',
  args: { filter: 'ArtifactFilter', first: 'Int!', after: 'String' },
  selection: `{ totalCount pageInfo { hasNextPage } edges { node { ${fields} } } }`,
  answers: [{ list: 'edges', atMost: 'first' }],
});

/**
 * What the gateway asks nodes about each artifact in one operation: the node fields the client's
 * selection needs, as `_entities` (by id) and as a page.
 */
export interface ArtifactSelection {
  /** The node selection, also the key of the per-request loader. */
  readonly fields: string;
  readonly entities: NodeField;
  readonly page: NodeField;
}

export const artifactSelectionOf = (fields: string): ArtifactSelection => ({
  fields,
  entities: artifactEntitiesField(fields),
  page: artifactPageField(fields),
});
