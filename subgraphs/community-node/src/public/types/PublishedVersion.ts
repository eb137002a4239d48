import { Field, Int, ObjectType } from 'type-graphql';
import { ArtifactKind } from '../../graphql/enums';
import { Licence } from './Licence';
import { Provenance } from './Provenance';

@ObjectType({ description: 'One immutable published version of an artifact.' })
export class PublishedVersion {
  @Field(() => Int)
  number!: number;

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
  mediaUrl!: string | null;

  @Field(() => Licence)
  licence!: Licence;

  @Field()
  attribution!: string;

  @Field(() => Provenance)
  provenance!: Provenance;

  @Field(() => String, { nullable: true })
  changeNote!: string | null;

  @Field()
  publishedAt!: Date;
}
