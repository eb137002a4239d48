import { Directive, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ArtifactKind, PublicArtifactStatus } from '../../graphql/enums';
import { withPublishedContent } from './PublishedContent';

/** What comes before the content in the SDL. */
// A base: no schema field names it, so no schema emits it.
@ObjectType()
class ArtifactIdentity {
  @Field(() => ID, { description: 'Global id: `<community-slug>:<local-id>`.' })
  id!: string;

  @Field({ description: 'Slug of the community that published it.' })
  community!: string;

  @Field(() => PublicArtifactStatus)
  status!: PublicArtifactStatus;
}

@ObjectType({
  description:
    'A published artifact, as its latest published version says. Retired artifacts stay as tombstones, so lineage never dangles.',
})
@Directive('@key(fields: "id")')
export class Artifact extends withPublishedContent(ArtifactIdentity) {
  @Field({ description: 'How to credit the work.' })
  declare attribution: string;

  @Field(() => Int, { description: 'Number of the latest published version.' })
  version!: number;

  @Field({ description: 'When it was first published.' })
  publishedAt!: Date;

  @Field({ description: 'When its latest version was published.' })
  updatedAt!: Date;

  @Field(() => Date, { nullable: true })
  retiredAt!: Date | null;

  @Field(() => String, { nullable: true })
  retirementReason!: string | null;

  /** Internal row id, used by field resolvers and loaders; never exposed. */
  rowId!: string;
}

@ObjectType()
export class ArtifactEdge {
  @Field()
  cursor!: string;

  @Field(() => Artifact)
  node!: Artifact;
}

@ObjectType()
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field()
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true })
  startCursor!: string | null;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

@ObjectType({ description: 'A page of artifacts, newest first publication first, then by global id.' })
export class ArtifactConnection {
  @Field(() => [ArtifactEdge])
  edges!: ArtifactEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'How many artifacts match the filter in all.' })
  totalCount!: number;
}

@InputType({ description: 'Every given condition must hold.' })
export class ArtifactFilter {
  @Field(() => [ArtifactKind], { nullable: true })
  kinds?: ArtifactKind[];

  @Field(() => [String], { nullable: true, description: 'Artifacts carrying any of these tags.' })
  tags?: string[];

  @Field(() => [String], { nullable: true, description: 'SPDX expressions, matched exactly.' })
  licences?: string[];

  @Field(() => [String], { nullable: true, description: 'Community slugs; a node answers only for its own.' })
  communities?: string[];

  @Field(() => String, { nullable: true, description: 'Words to find in title, summary or body.' })
  text?: string;

  @Field(() => Date, { nullable: true })
  publishedAfter?: Date;

  @Field(() => Date, { nullable: true })
  publishedBefore?: Date;

  @Field(() => PublicArtifactStatus, { nullable: true, description: 'Default: both published and retired.' })
  status?: PublicArtifactStatus;
}
