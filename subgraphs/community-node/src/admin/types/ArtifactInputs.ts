import { ArrayMaxSize, IsUrl, Length, Matches, MaxLength, ValidateIf } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { ArtifactKind } from '../../graphql/enums';

const NOT_BLANK = /\S/;
const HANDLE = /^[a-z0-9](?:[a-z0-9-]{0,126}[a-z0-9])?$/;

/** Limits on what a draft may hold; oversized input is refused before anything is written. */
export const LIMITS = {
  title: 200,
  summary: 2_000,
  body: 100_000,
  tag: 50,
  tags: 20,
  authors: 50,
  person: 200,
  text: 10_000,
};

@InputType()
export class ArtifactContentInput {
  @Field(() => ArtifactKind, { nullable: true })
  kind?: ArtifactKind;

  @Field({ nullable: true })
  @Length(1, LIMITS.title)
  @Matches(NOT_BLANK, { message: 'title must not be blank' })
  title?: string;

  @Field({ nullable: true })
  @MaxLength(LIMITS.summary)
  summary?: string;

  @Field({ nullable: true })
  @MaxLength(LIMITS.body)
  body?: string;

  @Field(() => [String], { nullable: true })
  @ArrayMaxSize(LIMITS.tags)
  @Length(1, LIMITS.tag, { each: true })
  @Matches(NOT_BLANK, { each: true, message: 'tags must not be blank' })
  tags?: string[];

  @Field({ nullable: true, description: 'SPDX licence expression, e.g. CC-BY-SA-4.0.' })
  @MaxLength(200)
  licence?: string;

  @Field({ nullable: true, description: 'How to credit the work, e.g. "Klamath Soil Circle, 2026".' })
  @MaxLength(LIMITS.summary)
  attribution?: string;

  @Field(() => [String], { nullable: true })
  @ArrayMaxSize(LIMITS.authors)
  @Length(1, 200, { each: true })
  @Matches(NOT_BLANK, { each: true, message: 'authors must not be blank' })
  authors?: string[];

  @Field({ nullable: true })
  aiAssisted?: boolean;

  @Field({ nullable: true })
  @MaxLength(500)
  aiTools?: string;

  @Field({ nullable: true })
  @ValidateIf((input: ArtifactContentInput) => input.mediaUrl !== undefined && input.mediaUrl !== '')
  @IsUrl({ require_protocol: true, protocols: ['http', 'https'] })
  @MaxLength(LIMITS.summary)
  mediaUrl?: string;
}

@InputType()
export class CreateArtifactInput extends ArtifactContentInput {
  @Field(() => ArtifactKind)
  declare kind: ArtifactKind;

  @Field()
  @Length(1, LIMITS.title)
  @Matches(NOT_BLANK, { message: 'title must not be blank' })
  declare title: string;

  @Field({
    nullable: true,
    description: 'Local id, e.g. "field-guide"; derived from the title when omitted.',
  })
  @Matches(HANDLE, { message: 'handle must be lower-case letters, digits and dashes' })
  handle?: string;
}
