import { Field, Int, ObjectType } from 'type-graphql';
import { withPublishedContent } from './PublishedContent';

// A base: no schema field names it, so no schema emits it.
@ObjectType()
class VersionNumber {
  @Field(() => Int)
  number!: number;
}

@ObjectType({ description: 'One immutable published version of an artifact.' })
export class PublishedVersion extends withPublishedContent(VersionNumber) {
  @Field(() => String, { nullable: true })
  changeNote!: string | null;

  @Field()
  publishedAt!: Date;
}
