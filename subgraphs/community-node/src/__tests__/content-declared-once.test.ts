import { isNonNullType, isObjectType, isInputObjectType, type GraphQLSchema } from 'graphql';
import { draftArtifact, publish, startTestNode, type TestNode } from '@commons-graph/testing';
import { buildAdminSchema } from '../admin/schema';
import { CONTENT_FIELDS, contentFieldsShownAs, type ContentField } from '../content/fields';
import { buildPublicSchema } from '../public/schema';
import { VERSION_COLUMNS } from '../public/published-store';

/**
 * The content table (content/fields.ts) is the one declaration of an artifact's content: these
 * tests add nothing per field, so a new row in the table is checked everywhere without editing them.
 */

const fieldsOf = (schema: GraphQLSchema, typeName: string) => {
  const type = schema.getType(typeName);
  if (!isObjectType(type) && !isInputObjectType(type)) throw new Error(`${typeName} is not an object type`);
  return type.getFields();
};

/** A value a member could give the field, unlike its default, and surviving its normalisation. */
function sample(field: ContentField): unknown {
  if (field.value === 'kind') return 'PATTERN';
  if (field.value === 'flag') return true;
  if (field.value === 'list') return [`${field.column}-one`, `${field.column}-two`];
  if (field.shownAs === 'licence') return 'CC-BY-SA-4.0';
  if (field.url) return `https://example.org/${field.column}`;
  return `The ${field.name} of the story`;
}

const SAMPLE = Object.fromEntries(CONTENT_FIELDS.map((field) => [field.name, sample(field)]));
const names = (fields: readonly ContentField[]) => fields.map((field) => field.name).join(' ');
const SHOWN_AS_ITSELF = names(contentFieldsShownAs('itself'));
const IN_PROVENANCE = names(contentFieldsShownAs('provenance'));
const PUBLISHED_CONTENT = `${SHOWN_AS_ITSELF} licence { spdx } attribution provenance { ${IN_PROVENANCE} }`;

/** What the public schema shows for the sample: each field where its `shownAs` puts it. */
const shownPublicly = () => ({
  ...Object.fromEntries(contentFieldsShownAs('itself').map((field) => [field.name, SAMPLE[field.name]])),
  licence: { spdx: SAMPLE.licence },
  attribution: SAMPLE.attribution,
  provenance: Object.fromEntries(
    contentFieldsShownAs('provenance').map((field) => [field.name, SAMPLE[field.name]]),
  ),
});

describe('the artifact content, declared once in the content table', () => {
  it('gives every field to the admin DraftContent and to the content input, in the table order', async () => {
    const admin = await buildAdminSchema();
    const order = CONTENT_FIELDS.map((field) => field.name);
    expect(Object.keys(fieldsOf(admin, 'DraftContent'))).toEqual(order);
    expect(Object.keys(fieldsOf(admin, 'ArtifactContentInput'))).toEqual(order);
    for (const field of CONTENT_FIELDS) {
      const shown = fieldsOf(admin, 'DraftContent')[field.name];
      expect({ field: field.name, required: isNonNullType(shown.type) }).toEqual({
        field: field.name,
        required: !field.nullable,
      });
    }
  });

  it('shows each field in the public Artifact and PublishedVersion, or in their Provenance', async () => {
    const publicSchema = await buildPublicSchema();
    for (const type of ['Artifact', 'PublishedVersion']) {
      const fields = Object.keys(fieldsOf(publicSchema, type));
      expect(fields).toEqual(
        expect.arrayContaining([...SHOWN_AS_ITSELF.split(' '), 'licence', 'attribution']),
      );
    }
    expect(Object.keys(fieldsOf(publicSchema, 'Provenance'))).toEqual([
      ...IN_PROVENANCE.split(' '),
      'reviewer',
    ]);
  });

  it("selects every field's column in the public read model, under the field's name", () => {
    for (const field of CONTENT_FIELDS)
      expect(VERSION_COLUMNS).toContain(`v.${field.column} as "${field.name}"`);
  });

  describe('on a running node', () => {
    let node: TestNode;
    beforeAll(async () => {
      node = await startTestNode('content-table');
    });
    afterAll(() => node?.stop());

    it('keeps each field in a column of drafts and versions the migrations made, nullable as declared', async () => {
      const columns = await node.node.orm.em
        .getConnection()
        .execute<Array<{ table: string; column: string; nullable: 'YES' | 'NO' }>>(
          `select table_name as "table", column_name as "column", is_nullable as nullable
          from information_schema.columns where table_name in ('artifact_draft', 'artifact_version')`,
        );
      for (const table of ['artifact_draft', 'artifact_version']) {
        const declared = CONTENT_FIELDS.map((field) => ({
          table,
          column: field.column,
          nullable: field.nullable ? 'YES' : 'NO',
        }));
        expect(columns.filter((c) => c.table === table)).toEqual(expect.arrayContaining(declared));
      }
    });

    it('leaves no difference between what the migrations made and what the entities declare', async () => {
      const diff = await node.node.orm.getSchemaGenerator().getUpdateSchemaSQL({ wrap: false });
      expect(diff).toBe('');
    });

    it('carries every field a member drafts into the draft and, once published, into the public artifact and its version', async () => {
      const id = await draftArtifact(node, { ...SAMPLE, title: SAMPLE.title as string });
      const { managedArtifact: managed } = await node.adminOk(
        `query($id: ID!) { managedArtifact(id: $id) { draft { ${names(CONTENT_FIELDS)} } } }`,
        { id },
      );
      expect(managed.draft).toEqual(SAMPLE);

      await publish(node, id, 'R. Reviewer'); // the sample is AI-assisted: a named human reviews it
      const { artifact } = await node.publicOk(
        `query($id: ID!) { artifact(id: $id) { ${PUBLISHED_CONTENT} versions { ${PUBLISHED_CONTENT} } } }`,
        { id },
      );
      expect(artifact).toEqual({ ...shownPublicly(), versions: [shownPublicly()] });
    });
  });
});
