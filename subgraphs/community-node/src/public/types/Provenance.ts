import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Who made a version, and whether AI assisted and which human reviewed it.' })
export class Provenance {
  @Field(() => [String])
  authors!: string[];

  @Field()
  aiAssisted!: boolean;

  @Field(() => String, { nullable: true })
  aiTools!: string | null;

  @Field(() => String, { nullable: true, description: 'The named human reviewer of this version.' })
  reviewer!: string | null;
}
