import { Field, ID, Int, ObjectType } from 'type-graphql';
import { CONTENT_FIELDS } from '../../content/fields';
import { withContentFields } from '../../graphql/content-fields';
import { ArtifactStatus } from '../../graphql/enums';
import { DerivationLink } from '../../public/types/Links';

/** Every content field, as the draft holds it. */
@ObjectType('DraftContent', { description: 'The private working copy of an unpublished artifact.' })
export class DraftContent extends withContentFields(class {}, CONTENT_FIELDS) {}

@ObjectType('ManagedArtifact', { description: 'An artifact as its own community sees it, drafts included.' })
export class ManagedArtifact {
  @Field(() => ID, { description: 'Global id; public only once published.' })
  id!: string;

  @Field()
  handle!: string;

  @Field(() => ArtifactStatus)
  status!: ArtifactStatus;

  @Field(() => DraftContent, { nullable: true, description: 'Present until the first publication.' })
  draft!: DraftContent | null;

  @Field(() => Int, { nullable: true, description: 'Latest published version number.' })
  version!: number | null;

  @Field()
  createdBy!: string;

  @Field()
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  submittedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  publishedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  retiredAt!: Date | null;

  @Field(() => String, { nullable: true })
  retirementReason!: string | null;

  @Field(() => [DerivationLink])
  derivedFrom!: DerivationLink[];
}
