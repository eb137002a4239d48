import { Field, ID, Int, ObjectType } from 'type-graphql';
import { ArtifactKind, ArtifactStatus } from '../../graphql/enums';
import { DerivationLink } from '../../public/types/Links';

@ObjectType('DraftContent', { description: 'The private working copy of an unpublished artifact.' })
export class DraftContent {
  @Field(() => ArtifactKind)
  kind!: ArtifactKind;

  @Field()
  title!: string;

  @Field()
  summary!: string;

  @Field()
  body!: string;

  @Field(() => [String])
  tags!: string[];

  @Field(() => String, { nullable: true })
  licence!: string | null;

  @Field(() => String, { nullable: true })
  attribution!: string | null;

  @Field(() => [String])
  authors!: string[];

  @Field()
  aiAssisted!: boolean;

  @Field(() => String, { nullable: true })
  aiTools!: string | null;

  @Field(() => String, { nullable: true })
  mediaUrl!: string | null;
}

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
