import { Matches } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { CONTENT_FIELDS } from '../../content/fields';
import { contentInputType } from '../../graphql/content-fields';
import { ArtifactKind } from '../../graphql/enums';

const HANDLE = /^[a-z0-9](?:[a-z0-9-]{0,126}[a-z0-9])?$/;

/** Every content field, optional: what createArtifact, updateArtifact and publishNewVersion take. */
@InputType()
export class ArtifactContentInput extends contentInputType(CONTENT_FIELDS) {}

@InputType()
export class CreateArtifactInput extends ArtifactContentInput {
  @Field(() => ArtifactKind)
  declare kind: ArtifactKind;

  // Its length and blank checks are inherited with the field.
  @Field()
  declare title: string;

  @Field({
    nullable: true,
    description: 'Local id, e.g. "field-guide"; derived from the title when omitted.',
  })
  @Matches(HANDLE, { message: 'handle must be lower-case letters, digits and dashes' })
  handle?: string;
}
