import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'An SPDX licence and what it allows, from the shared licence table.' })
export class Licence {
  @Field({ description: 'SPDX licence expression, e.g. CC-BY-SA-4.0.' })
  spdx!: string;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  url!: string | null;

  @Field()
  allowsDerivatives!: boolean;

  @Field()
  shareAlike!: boolean;

  @Field()
  commercialUse!: boolean;

  @Field()
  attributionRequired!: boolean;
}
