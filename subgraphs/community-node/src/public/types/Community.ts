import { Directive, Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'The software a node runs, so a gateway can tell what it speaks (cf. NodeInfo).' })
export class NodeSoftware {
  @Field()
  name!: string;

  @Field()
  version!: string;

  @Field({ description: 'Version of the node protocol (schema/node.graphql).' })
  protocol!: string;
}

@ObjectType({ description: 'A Community of Practice and what it shares with the Commons.' })
@Directive('@key(fields: "slug")')
export class Community {
  @Field()
  slug!: string;

  @Field()
  name!: string;

  @Field()
  description!: string;

  @Field(() => String, { nullable: true })
  region!: string | null;

  @Field(() => String, { nullable: true })
  website!: string | null;

  @Field(() => NodeSoftware)
  software!: NodeSoftware;
}
