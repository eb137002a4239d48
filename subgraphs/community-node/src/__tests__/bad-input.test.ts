import { Writable } from 'node:stream';
import fc from 'fast-check';
import pino from 'pino';
import {
  codesOf,
  draftArtifact,
  type GraphQLResponse,
  link,
  publishedArtifact,
  sql,
  startTestNode,
  type TestNode,
} from '@commons-graph/testing';

/** Counts every row the node stores, so a refused write can be shown to have written nothing. */
async function rowCounts(node: TestNode): Promise<Record<string, number>> {
  const tables = [
    'artifact',
    'artifact_draft',
    'artifact_version',
    'derivation',
    'adoption',
    'feedback',
    'feedback_response',
    'need',
    'need_answer',
    'learning_cycle',
    'contribution_role',
    'api_token',
  ];
  const [row] = await sql<Record<string, string>>(
    node.database.url,
    `select ${tables.map((table) => `(select count(*) from ${table}) as ${table}`).join(', ')}`,
  );
  return Object.fromEntries(tables.map((table) => [table, Number(row[table])]));
}

describe('bad input gets a clear error and writes nothing', () => {
  let node: TestNode;
  let live: string;
  let retired: string;
  let draft: string;
  /** Feedback this community gave (about another community's work). */
  let ownFeedback: string;
  /** Feedback from elsewhere that an earlier response placed on `live`. */
  const answeredFeedback = 'klamath-soil:00000000-0000-4000-8000-0000000000aa';
  beforeAll(async () => {
    node = await startTestNode('openinfra-sigs');
    live = await publishedArtifact(node, { title: 'Storage SIG decision record', handle: 'storage-adr' });
    retired = await publishedArtifact(node, { title: 'Old network pattern', handle: 'old-pattern' });
    await node.adminOk(
      `mutation { retireArtifact(id: "openinfra-sigs:old-pattern", reason: "Replaced") { id } }`,
    );
    draft = await draftArtifact(node, { title: 'Unfinished playbook', handle: 'unfinished' });
    ownFeedback = await link(node, 'giveFeedback', {
      artifactId: 'klamath-soil:guide',
      kind: 'GAP',
      body: 'No winter section',
    });
    await link(node, 'respondToFeedback', {
      feedbackId: answeredFeedback,
      artifactId: live,
      kind: 'ACKNOWLEDGED',
      body: 'Noted',
    });
  });
  afterAll(() => node?.stop());

  const create = `mutation($input: CreateArtifactInput!) { createArtifact(input: $input) { id } }`;
  const base = { kind: 'PATTERN', title: 'Fine title' };

  const cases: Array<
    [string, () => [string, Record<string, unknown>, ('member' | 'steward' | 'admin' | null)?], string]
  > = [
    ['an empty title', () => [create, { input: { ...base, title: '' } }], 'BAD_USER_INPUT'],
    ['a blank title', () => [create, { input: { ...base, title: '   ' } }], 'BAD_USER_INPUT'],
    ['an oversized title', () => [create, { input: { ...base, title: 'x'.repeat(201) } }], 'BAD_USER_INPUT'],
    [
      'an oversized body',
      () => [create, { input: { ...base, body: 'x'.repeat(100_001) } }],
      'BAD_USER_INPUT',
    ],
    [
      'too many tags',
      () => [create, { input: { ...base, tags: Array.from({ length: 21 }, (_, i) => `t${i}`) } }],
      'BAD_USER_INPUT',
    ],
    ['an unknown kind', () => [create, { input: { ...base, kind: 'NOVEL' } }], 'BAD_USER_INPUT'],
    ['a malformed handle', () => [create, { input: { ...base, handle: 'Not A Handle' } }], 'BAD_USER_INPUT'],
    ['a taken handle', () => [create, { input: { ...base, handle: 'storage-adr' } }], 'BAD_USER_INPUT'],
    ['no token', () => [create, { input: base }, null], 'UNAUTHENTICATED'],
    [
      'a member publishing',
      () => [`mutation { publishArtifact(id: "${draft}") { id } }`, {}, 'member'],
      'FORBIDDEN',
    ],
    [
      'a steward creating tokens',
      () => [`mutation { createToken(input: { name: "x", role: ADMIN }) { token } }`, {}, 'steward'],
      'FORBIDDEN',
    ],
    [
      'a member recording adoption',
      () => [
        `mutation { recordAdoption(input: { artifactId: "klamath-soil:guide", status: ADOPTED, context: "c" }) { id } }`,
        {},
        'member',
      ],
      'FORBIDDEN',
    ],
    [
      'an unknown artifact',
      () => [`mutation { submitForReview(id: "openinfra-sigs:nope") { id } }`, {}],
      'NOT_FOUND',
    ],
    [
      'a malformed global id',
      () => [`mutation { submitForReview(id: "not:a:valid id") { id } }`, {}],
      'BAD_USER_INPUT',
    ],
    [
      'a retired artifact as link target',
      () => [
        `mutation($s: ID!, $a: ID!) { addDerivedFrom(input: { artifactId: $a, sourceId: $s, relation: EXTENDS }) { id } }`,
        { s: retired, a: draft },
      ],
      'BAD_USER_INPUT',
    ],
    [
      'a draft as link target',
      () => [
        `mutation($s: ID!, $a: ID!) { addDerivedFrom(input: { artifactId: $a, sourceId: $s, relation: EXTENDS }) { id } }`,
        { s: draft, a: live },
      ],
      'BAD_USER_INPUT',
    ],
    [
      'a draft as answer to a need',
      () => [
        `mutation($a: ID!) { answerNeed(input: { needId: "klamath-soil:00000000-0000-4000-8000-000000000000", artifactId: $a }) { id } }`,
        { a: draft },
      ],
      'BAD_USER_INPUT',
    ],
    [
      'feedback on a retired artifact',
      () => [
        `mutation($a: ID!) { giveFeedback(input: { artifactId: $a, kind: GAP, body: "b" }) { id } }`,
        { a: retired },
      ],
      'BAD_USER_INPUT',
    ],
    [
      'an unknown feedback kind',
      () => [
        `mutation($i: FeedbackInput!) { giveFeedback(input: $i) { id } }`,
        { i: { artifactId: 'klamath-soil:guide', kind: 'GREAT', body: 'b' } },
      ],
      'BAD_USER_INPUT',
    ],
    [
      'blank feedback',
      () => [
        `mutation { giveFeedback(input: { artifactId: "klamath-soil:guide", kind: GAP, body: "  " }) { id } }`,
        {},
      ],
      'BAD_USER_INPUT',
    ],
    [
      'an invalid SPDX licence at publish',
      () => [
        `mutation { publishNewVersion(id: "${'openinfra-sigs:storage-adr'}", changes: { licence: "CC-BY-4.0 OR" }, changeNote: "n") { id } }`,
        {},
      ],
      'BAD_USER_INPUT',
    ],
    [
      'a response naming a version that does not exist',
      () => [
        `mutation($a: ID!) { respondToFeedback(input: { feedbackId: "klamath-soil:00000000-0000-4000-8000-000000000001", artifactId: $a, kind: INCORPORATED, body: "Thanks", resultingVersion: 9 }) { id } }`,
        { a: live },
      ],
      'BAD_USER_INPUT',
    ],
    [
      'a NUL character in a draft title',
      () => [create, { input: { ...base, title: 'Field notes\u0000 part two' } }],
      'BAD_USER_INPUT',
    ],
    [
      'a NUL character written in the query text',
      () => [
        `mutation { createArtifact(input: { kind: PATTERN, title: "Fine", body: "before\\u0000after" }) { id } }`,
        {},
      ],
      'BAD_USER_INPUT',
    ],
    [
      'a lone surrogate in a draft body',
      () => [create, { input: { ...base, body: 'half a pair: \uD800' } }],
      'BAD_USER_INPUT',
    ],
    [
      'a lone surrogate in a need tag',
      () => [
        `mutation($i: NeedInput!) { postNeed(input: $i) { id } }`,
        { i: { title: 'Intake forms', body: 'Spanish', tags: ['forms', '\uDC00'] } },
      ],
      'BAD_USER_INPUT',
    ],
    [
      'a NUL character in a plain argument',
      () => [
        `mutation($r: String!) { retireArtifact(id: "openinfra-sigs:storage-adr", reason: $r) { id } }`,
        { r: 'Replaced\u0000' },
      ],
      'BAD_USER_INPUT',
    ],
    [
      'an oversized reviewer',
      () => [
        `mutation($r: String) { publishNewVersion(id: "openinfra-sigs:storage-adr", changes: {}, changeNote: "n", reviewer: $r) { id } }`,
        { r: 'R'.repeat(201) },
      ],
      'BAD_USER_INPUT',
    ],
    [
      'an oversized change note',
      () => [
        `mutation($n: String!) { publishNewVersion(id: "openinfra-sigs:storage-adr", changes: {}, changeNote: $n) { id } }`,
        { n: 'n'.repeat(10_001) },
      ],
      'BAD_USER_INPUT',
    ],
    [
      'an oversized retirement reason',
      () => [
        `mutation($r: String!) { retireArtifact(id: "openinfra-sigs:storage-adr", reason: $r) { id } }`,
        { r: 'r'.repeat(10_001) },
      ],
      'BAD_USER_INPUT',
    ],
    [
      'an oversized media URL',
      () => [create, { input: { ...base, mediaUrl: `https://example.org/${'a'.repeat(2_000)}` } }],
      'BAD_USER_INPUT',
    ],
    [
      'a null for a content field that cannot be empty, in a new draft',
      () => [create, { input: { ...base, aiAssisted: null } }],
      'BAD_USER_INPUT',
    ],
    [
      'a null kind for a draft',
      () => [
        `mutation($id: ID!) { updateArtifact(id: $id, input: { kind: null }) { id } }`,
        { id: 'openinfra-sigs:unfinished' },
      ],
      'BAD_USER_INPUT',
    ],
    [
      'a null for a content field that cannot be empty, in a new version',
      () => [
        `mutation { publishNewVersion(id: "openinfra-sigs:storage-adr", changes: { aiAssisted: null }, changeNote: "n") { id } }`,
        {},
      ],
      'BAD_USER_INPUT',
    ],
    [
      'a response to feedback this community gave itself',
      () => [
        `mutation($f: ID!, $a: ID!) { respondToFeedback(input: { feedbackId: $f, artifactId: $a, kind: ACKNOWLEDGED, body: "Thanks" }) { id } }`,
        { f: ownFeedback, a: live },
      ],
      'BAD_USER_INPUT',
    ],
    [
      'a response placing feedback on another artifact than earlier responses did',
      () => [
        `mutation($f: ID!, $a: ID!) { respondToFeedback(input: { feedbackId: $f, artifactId: $a, kind: DECLINED, body: "Not for us" }) { id } }`,
        { f: answeredFeedback, a: retired },
      ],
      'BAD_USER_INPUT',
    ],
  ];

  it.each(cases)('refuses %s', async (_name, build, code) => {
    const [query, variables, role = 'admin'] = build();
    const before = await rowCounts(node);
    const result = await node.admin(query, variables, role);
    expect(result.data?.[Object.keys(result.data ?? {})[0]] ?? null).toBeNull();
    expect(codesOf(result)).toEqual([code]);
    expect(result.errors![0].message.length).toBeGreaterThan(10);
    expect(await rowCounts(node)).toEqual(before);
  });

  it('refuses a page size over 100 and a forged cursor on the public subgraph', async () => {
    const big = await node.publicQuery(`{ artifacts(first: 101) { totalCount } }`);
    expect(codesOf(big)).toEqual(['BAD_USER_INPUT']);
    const forged = await node.publicQuery(`{ artifacts(after: "bm90LWEtY3Vyc29y") { totalCount } }`);
    expect(codesOf(forged)).toEqual(['BAD_USER_INPUT']);
  });

  it('answers a foreign id with null and a malformed one with a clear error', async () => {
    const foreign = await node.publicQuery(`{ artifact(id: "klamath-soil:storage-adr") { id } }`);
    expect(foreign).toEqual({ data: { artifact: null } });
    const malformed = await node.publicQuery(`{ artifact(id: "storage-adr") { id } }`);
    expect(codesOf(malformed)).toEqual(['BAD_USER_INPUT']);
    const batch = await node.publicQuery(`{ adoptionsOf(artifactIds: ["ok:x", "bad id"]) { id } }`);
    expect(codesOf(batch)).toEqual(['BAD_USER_INPUT']);
  });

  it('rejects a query with more aliases than the limit', async () => {
    const deep = await node.publicQuery(
      `{ artifacts { edges { node { versions { licence { spdx } provenance { authors } } derivedFrom { id } } } } a: community { slug } }`,
    );
    expect(deep.errors).toBeUndefined();
    const nested = '{ community { slug } }'.replace(
      'slug',
      'slug ' + Array.from({ length: 60 }, (_, i) => `a${i}: slug`).join(' '),
    );
    const aliases = await node.publicQuery(nested);
    expect(codesOf(aliases)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });
  it('names the field that holds a NUL or a lone surrogate', async () => {
    const inVariable = await node.admin(create, { input: { ...base, title: 'Field notes\u0000' } });
    expect(inVariable.errors![0].message).toMatch(/^\$input\.title .*NUL/);
    expect(inVariable.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: '$input.title' });
    const inText = await node.admin(
      `mutation { createArtifact(input: { kind: PATTERN, title: "Fine", body: "a\\u0000b" }) { id } }`,
    );
    expect(inText.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'createArtifact.input.body',
    });
    const surrogate = await node.admin(create, { input: { ...base, tags: ['fine', 'x\uDBFF'] } });
    expect(surrogate.errors![0].message).toMatch(/^\$input\.tags\[1\] .*surrogate/);
  });

  it('stores any well-formed text exactly as written and refuses the rest', async () => {
    // FC_RUNS / FC_SEED run it longer or elsewhere; the default run is fixed and short.
    const runs = Number(process.env.FC_RUNS ?? 15);
    const seed = Number(process.env.FC_SEED ?? 20261124);
    const piece = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 12 }),
      fc.constantFrom('\u0000', '\uD800', '\uDFFF', '\uD83D\uDE00', 'é', '\u200B'),
    );
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 6 }), async (pieces) => {
        const body = pieces.join('');
        const title = `Round trip ${n++}`;
        const refused =
          body.includes('\u0000') || !(body as string & { isWellFormed(): boolean }).isWellFormed();
        const before = await rowCounts(node);
        const made = await node.admin<{ createArtifact: { id: string } }>(create, {
          input: { ...base, title, body },
        });
        if (refused) {
          expect(codesOf(made)).toEqual(['BAD_USER_INPUT']);
          expect(await rowCounts(node)).toEqual(before);
          return;
        }
        expect(made.errors).toBeUndefined();
        const id = made.data!.createArtifact.id;
        const read = await node.adminOk<{ managedArtifact: { draft: { body: string } } }>(
          `query($id: ID!) { managedArtifact(id: $id) { draft { body } } }`,
          { id },
        );
        expect(read.managedArtifact.draft.body).toBe(body);
        await node.adminOk(`mutation($id: ID!) { discardDraft(id: $id) }`, { id }, 'steward');
      }),
      { numRuns: runs, seed },
    );
  });

  it('accepts further responses to the same feedback about the same artifact', async () => {
    const again = await node.admin(
      `mutation($f: ID!, $a: ID!) { respondToFeedback(input: { feedbackId: $f, artifactId: $a, kind: INCORPORATED, body: "Done", resultingVersion: 1 }) { id } }`,
      { f: answeredFeedback, a: live },
      'steward',
    );
    expect(again.errors).toBeUndefined();
  });

  it('clears a profile region or website given as null, and keeps the name when it is null', async () => {
    const set = `mutation($i: ProfileInput!) { updateProfile(input: $i) { name region website } }`;
    await node.adminOk(set, { i: { region: 'Valley', website: 'https://example.org' } });
    const cleared = await node.admin(set, { i: { name: null, region: null, website: null } });
    expect(cleared).toEqual({
      data: { updateProfile: { name: 'openinfra-sigs', region: null, website: null } },
    });
  });

  /** Posts a raw body and reads the answer, whatever it is. */
  async function post(url: string, body: string, headers: Record<string, string> = {}) {
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${node.tokens.admin}`,
        ...headers,
      },
      body,
    });
    const text = await response.text();
    return { status: response.status, type: response.headers.get('content-type') ?? '', text };
  }
  const json = (text: string) => JSON.parse(text) as GraphQLResponse;

  it('answers every query limit with 400 and a code, on both endpoints', async () => {
    const endpoints = [node.node.publicUrl, node.node.adminUrl];
    const manyTokens = `{ __typename ${Array.from({ length: 5_001 }, () => '__typename').join(' ')} }`;
    // Inline fragments count as levels, so any schema can be asked for more than 12 of them.
    const deep = `{ ${'... on Query { '.repeat(14)}__typename${' }'.repeat(14)} }`;
    const aliases = `{ ${Array.from({ length: 60 }, (_, i) => `a${i}: __type(name: "Query") { name }`).join(' ')} }`;
    for (const url of endpoints) {
      for (const [query, code] of [
        [manyTokens, 'GRAPHQL_PARSE_FAILED'],
        [deep, 'GRAPHQL_VALIDATION_FAILED'],
        [aliases, 'GRAPHQL_VALIDATION_FAILED'],
      ]) {
        const answer = await post(url, JSON.stringify({ query }));
        expect({ url, status: answer.status, codes: codesOf(json(answer.text)) }).toEqual({
          url,
          status: 400,
          codes: [code],
        });
      }
    }
  });

  it('answers a body that is not JSON, or too large, with a JSON GraphQL error on both endpoints', async () => {
    for (const [url, limit] of [
      [node.node.publicUrl, 1_000_000],
      [node.node.adminUrl, 2_000_000],
    ] as const) {
      const malformed = await post(
        url,
        '{ "query": "{ community { slug } }", "variables": { "x": Unfinished playbook',
      );
      expect(malformed.status).toBe(400);
      expect(malformed.type).toMatch(/^application\/json/);
      expect(json(malformed.text)).toEqual({
        errors: [{ message: 'The request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }],
      });
      expect(malformed.text).not.toContain('Unfinished');

      const huge = await post(
        url,
        JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(limit + 100_000) } }),
      );
      expect(huge.status).toBe(413);
      expect(huge.type).toMatch(/^application\/json/);
      expect(codesOf(json(huge.text))).toEqual(['BAD_REQUEST']);
    }
  });

  it('answers each _entities representation alone: a malformed one fails only its own entry', async () => {
    const result = await node.publicQuery<{ _entities: Array<{ id: string } | null> }>(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Artifact { id } } }`,
      {
        r: [
          { __typename: 'Artifact', id: live },
          { __typename: 'Artifact', id: 42 },
          { __typename: 'Artifact', id: 'not-a-global-id' },
          { __typename: 'NoSuchType', id: live },
          { id: live },
          { __typename: 'Artifact', id: 'klamath-soil:elsewhere' },
          { __typename: 'Artifact', id: retired },
        ],
      },
    );
    expect(result.data!._entities).toEqual([{ id: live }, null, null, null, null, null, { id: retired }]);
    expect(result.errors!.map((e) => [e.path, e.extensions?.code])).toEqual([
      [['_entities', 1], 'BAD_USER_INPUT'],
      [['_entities', 2], 'BAD_USER_INPUT'],
      [['_entities', 3], 'BAD_USER_INPUT'],
      [['_entities', 4], 'BAD_USER_INPUT'],
    ]);
  });
});

/** Reads everything the node logs, as the lines pino writes. */
function capturedLog() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: pino({ level: 'trace' }, stream), lines };
}

describe('nothing private reaches the node log, whatever fails', () => {
  let node: TestNode;
  const log = capturedLog();
  const TITLE = 'Eviction-defence roster for the east side';
  const BODY = 'Maria keeps the spare keys; call her after nine';
  beforeAll(async () => {
    node = await startTestNode('commons-organizers', 'Commons Organizers', { logger: log.logger });
  });
  afterAll(() => node?.stop());

  /** Runs `work` while a CHECK constraint makes PostgreSQL refuse what `check` forbids. */
  async function withForcedFailure(table: string, check: string, work: () => Promise<void>) {
    await sql(node.database.url, `alter table ${table} add constraint forced_failure check (${check})`);
    try {
      await work();
    } finally {
      await sql(node.database.url, `alter table ${table} drop constraint forced_failure`);
    }
  }

  // Each story reads only what was logged while it ran.
  let mark = 0;
  beforeEach(() => {
    mark = log.lines.length;
  });

  function expectNothingPrivate() {
    const text = log.lines.slice(mark).join('');
    for (const secret of [TITLE, BODY, ...Object.values(node.tokens)]) expect(text).not.toContain(secret);
    // Nor any token's SHA-256 digest (what the token table stores).
    expect(text).not.toMatch(/[0-9a-f]{64}/);
  }

  const create = `mutation($input: CreateArtifactInput!) { createArtifact(input: $input) { id } }`;
  const unexpected = () =>
    log.lines
      .slice(mark)
      .map((line) => JSON.parse(line))
      .filter((entry) => entry.msg === 'unexpected error');

  it('refuses a draft with a NUL character and logs nothing of it', async () => {
    const result = await node.admin(
      create,
      { input: { kind: 'PLAYBOOK', title: TITLE, body: `${BODY}\u0000` } },
      'member',
    );
    expect(codesOf(result)).toEqual(['BAD_USER_INPUT']);
    expectNothingPrivate();
  });

  it('logs a failing SQL statement by its code and constraint, without the draft it carried', async () => {
    await withForcedFailure('artifact_draft', `body not like '%forced%'`, async () => {
      const before = await rowCounts(node);
      const result = await node.admin(
        create,
        { input: { kind: 'PLAYBOOK', title: TITLE, body: `${BODY} (forced)` } },
        'member',
      );
      expect(result.errors).toEqual([
        {
          message: 'Internal server error',
          path: ['createArtifact'],
          extensions: { code: 'INTERNAL_SERVER_ERROR' },
        },
      ]);
      expect(await rowCounts(node)).toEqual(before);
    });
    expect(unexpected().at(-1).err.cause).toMatchObject({
      code: '23514',
      constraint: 'forced_failure',
      table: 'artifact_draft',
    });
    expectNothingPrivate();
  });

  it('writes nothing when a mutation fails halfway, after its first insert', async () => {
    await withForcedFailure('artifact', `handle <> 'halfway'`, async () => {
      const before = await rowCounts(node);
      const statements = node.statements.length;
      const result = await node.admin(
        create,
        { input: { kind: 'PLAYBOOK', title: TITLE, body: BODY, handle: 'halfway' } },
        'member',
      );
      expect(codesOf(result)).toEqual(['INTERNAL_SERVER_ERROR']);
      // The draft row was inserted before the artifact row failed; the transaction took it back.
      const ran = node.statements.slice(statements);
      expect(ran.some((line) => /insert into "artifact_draft"/.test(line))).toBe(true);
      expect(ran.some((line) => /\brollback\b/i.test(line))).toBe(true);
      expect(await rowCounts(node)).toEqual(before);
    });
    expectNothingPrivate();
  });

  it('never logs a token it failed to store, nor its digest', async () => {
    await withForcedFailure('api_token', `name <> 'forced'`, async () => {
      const result = await node.admin(
        `mutation { createToken(input: { name: "forced", role: MEMBER }) { token } }`,
      );
      expect(codesOf(result)).toEqual(['INTERNAL_SERVER_ERROR']);
    });
    expect(unexpected().at(-1).err.cause).toMatchObject({ code: '23514', table: 'api_token' });
    expectNothingPrivate();
  });

  it('logs nothing of a body it could not read', async () => {
    const response = await fetch(node.node.adminUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${node.tokens.admin}` },
      body: `{ "query": "mutation { createArtifact(input: { title: \\"${TITLE}\\" }) }", ${BODY} ${node.tokens.admin}`,
    });
    expect(response.status).toBe(400);
    expectNothingPrivate();
  });
});
