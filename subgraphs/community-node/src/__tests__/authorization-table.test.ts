import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { graphql, type GraphQLResponse, startTestNode, type TestNode } from '@commons-graph/testing';
import { buildAdminSchema } from '../admin/schema';

type Role = 'member' | 'steward' | 'admin';
type Caller = 'none' | Role | 'revoked';

/**
 * Who may call each admin field, and which line of the README's role table ("Tokens") says so.
 * Every Query and Mutation field of the admin schema has exactly one row.
 */
const NEEDS: Record<string, { role: Role; may: string }> = {
  managedArtifacts: { role: 'member', may: 'read drafts' },
  managedArtifact: { role: 'member', may: 'read drafts' },
  learningCycles: { role: 'member', may: 'read learning cycles' },
  me: { role: 'member', may: 'see whose token it is' },
  createArtifact: { role: 'member', may: 'draft' },
  updateArtifact: { role: 'member', may: 'edit drafts' },
  submitForReview: { role: 'member', may: 'submit for review' },
  publishArtifact: { role: 'steward', may: 'publish' },
  publishNewVersion: { role: 'steward', may: 'publish new versions' },
  retireArtifact: { role: 'steward', may: 'retire' },
  discardDraft: { role: 'steward', may: 'discard unpublished drafts' },
  addDerivedFrom: { role: 'steward', may: 'assert links' },
  removeDerivedFrom: { role: 'steward', may: 'assert links' },
  recordAdoption: { role: 'steward', may: 'assert links' },
  updateAdoption: { role: 'steward', may: 'assert links' },
  giveFeedback: { role: 'steward', may: 'assert links' },
  respondToFeedback: { role: 'steward', may: 'assert links' },
  postNeed: { role: 'steward', may: 'assert links' },
  closeNeed: { role: 'steward', may: 'assert links' },
  answerNeed: { role: 'steward', may: 'assert links' },
  recordLearningCycle: { role: 'steward', may: 'record learning cycles and roles' },
  addContributionRole: { role: 'steward', may: 'record learning cycles and roles' },
  endContributionRole: { role: 'steward', may: 'record learning cycles and roles' },
  updateProfile: { role: 'steward', may: 'edit the community profile' },
  createToken: { role: 'admin', may: 'create, list and revoke tokens' },
  tokens: { role: 'admin', may: 'create, list and revoke tokens' },
  revokeToken: { role: 'admin', may: 'create, list and revoke tokens' },
};

const RANK: Record<Role, number> = { member: 1, steward: 2, admin: 3 };
const CALLERS: Caller[] = ['none', 'member', 'steward', 'admin', 'revoked'];

/** What the table promises a caller gets from a field: an auth code, or past auth (any other outcome). */
function expected(caller: Caller, needed: Role): string {
  if (caller === 'none' || caller === 'revoked') return 'UNAUTHENTICATED';
  return RANK[caller] < RANK[needed] ? 'FORBIDDEN' : 'past auth';
}

function outcome(response: GraphQLResponse): string {
  const errors = response.errors ?? [];
  // An error without a path never reached the field (bad sample arguments): it proves nothing.
  const unrun = errors.find((error) => !error.path);
  if (unrun) return `not run: ${unrun.message}`;
  const codes = errors.map((error) => error.extensions?.code);
  return codes.find((code) => code === 'UNAUTHENTICATED' || code === 'FORBIDDEN') ?? 'past auth';
}

/** The README's role table, as { role: what its row says it may do }. */
function readmeRoles(): Record<Role, string> {
  const readme = readFileSync(join(__dirname, '..', '..', '..', '..', 'README.md'), 'utf8');
  const rows = [...readme.matchAll(/^\| `(member|steward|admin)` \| (.+) \|$/gm)];
  return Object.fromEntries(rows.map(([, role, may]) => [role, may])) as Record<Role, string>;
}

/** Sample values for scalars: valid for GraphQL, meaningless for the domain (a domain error is fine). */
const SAMPLES: Record<string, unknown> = {
  String: 'x',
  ID: 'valley-clinics:no-such-thing',
  Int: 1,
  Float: 1,
  Boolean: false,
  DateTime: '2026-01-01T00:00:00Z',
  LocalDate: '2026-01-01',
};

/** The smallest value of a type that passes GraphQL's own coercion: required fields only, one list item. */
function sample(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sample(type.ofType);
  if (isListType(type)) return [sample(type.ofType)];
  if (isEnumType(type)) return type.getValues()[0].name;
  if (isInputObjectType(type)) {
    const required = Object.values(type.getFields()).filter((field) => isNonNullType(field.type));
    return Object.fromEntries(required.map((field) => [field.name, sample(field.type)]));
  }
  if (isScalarType(type) && type.name in SAMPLES) return SAMPLES[type.name];
  throw new Error(`No sample for the input type ${String(type)}: add one to SAMPLES`);
}

/** One operation calling the field with sampled required arguments, selecting only __typename. */
function operation(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>) {
  const args = field.args.filter((arg) => isNonNullType(arg.type));
  const declared = args.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ');
  const passed = args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
  return {
    query: `${kind}${declared ? `(${declared})` : ''} { ${field.name}${passed ? `(${passed})` : ''}${selection} }`,
    variables: Object.fromEntries(args.map((arg) => [arg.name, sample(arg.type)])),
  };
}

describe('every admin field answers each role exactly as the README role table says', () => {
  let schema: GraphQLSchema;
  let node: TestNode;
  let tokens: Record<Caller, string | null>;
  beforeAll(async () => {
    schema = await buildAdminSchema();
    node = await startTestNode('valley-clinics');
    const { createToken } = await node.adminOk(
      `mutation { createToken(input: { name: "Former steward", role: STEWARD }) { token info { id } } }`,
    );
    await node.adminOk(`mutation($id: ID!) { revokeToken(id: $id) { id } }`, { id: createToken.info.id });
    tokens = { none: null, ...node.tokens, revoked: createToken.token };
  });
  afterAll(() => node?.stop());

  const fields = () => [
    ...Object.values(schema.getQueryType()!.getFields()).map((field) => ({ kind: 'query' as const, field })),
    ...Object.values(schema.getMutationType()!.getFields()).map((field) => ({
      kind: 'mutation' as const,
      field,
    })),
  ];

  it('has one row for every Query and Mutation field, and no row for a field that does not exist', () => {
    expect(
      fields()
        .map(({ field }) => field.name)
        .sort(),
    ).toEqual(Object.keys(NEEDS).sort());
  });

  it('grants each field only what its role row in the README says', () => {
    const readme = readmeRoles();
    expect(Object.keys(readme).sort()).toEqual(['admin', 'member', 'steward']);
    const unlisted = Object.entries(NEEDS).filter(([, { role, may }]) => !readme[role].includes(may));
    expect(unlisted).toEqual([]);
  });

  it.each(CALLERS)('answers a caller with %s token as the table says, field by field', async (caller) => {
    const token = tokens[caller];
    const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
    const actual: Record<string, string> = {};
    const promised: Record<string, string> = {};
    for (const { kind, field } of fields()) {
      const { query, variables } = operation(kind, field);
      actual[field.name] = outcome(await graphql(node.node.adminUrl, query, variables, headers));
      promised[field.name] = expected(caller, NEEDS[field.name].role);
    }
    expect(actual).toEqual(promised);
  });
});
