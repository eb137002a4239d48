import { Matches } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { CONTENT_FIELDS, REQUIRED_CONTENT_FIELDS } from '../../content/fields';
import { contentInputType, withRequiredContentFields } from '../../graphql/content-fields';

const HANDLE = /^[a-z0-9](?:[a-z0-9-]{0,126}[a-z0-9])?$/;

/** Every content field, optional: what createArtifact, updateArtifact and publishNewVersion take. */
@InputType()
export class ArtifactContentInput extends contentInputType(CONTENT_FIELDS) {}

/** A new artifact: its content with the required fields (kind, title), and perhaps its handle. */
@InputType()
export class CreateArtifactInput extends withRequiredContentFields(
  ArtifactContentInput,
  REQUIRED_CONTENT_FIELDS,
) {
  @Field({
    nullable: true,
    description: 'Local id, e.g. "field-guide"; derived from the title when omitted.',
  })
  @Matches(HANDLE, { message: 'handle must be lower-case letters, digits and dashes' })
  handle?: string;
}
