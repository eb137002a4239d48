import { Field, ID, Int, ObjectType } from 'type-graphql';
import { ChangeKind } from '../../graphql/enums';

/** The change feed (docs/feed-protocol.md): what followers read to keep an index of this node. */

@ObjectType({ description: 'One public change. The member named by `kind` carries the entity as it is now.' })
export class ChangeEvent {
  @Field(() => Int)
  seq!: number;

  @Field()
  at!: Date;

  @Field(() => ChangeKind)
  kind!: ChangeKind;

  @Field(() => ID, { description: 'The public id of the entity that changed.' })
  entityId!: string;
}

@ObjectType({ description: "A page of this node's public changes, oldest first." })
export class ChangeFeed {
  @Field(() => ID, {
    description:
      "Fixed when the node's database was created. A new epoch means: drop what you have, start over.",
  })
  epoch!: string;

  @Field(() => Int, { description: 'The latest sequence number at the time of the answer.' })
  head!: number;

  @Field(() => [ChangeEvent], {
    description: 'At most `first` (≤ 1000) events with seq > after, in seq order, without gaps.',
  })
  events!: ChangeEvent[];

  @Field(() => Int, {
    description: "Where to continue: the last event's seq, or `after` when there were none.",
  })
  next!: number;

  @Field({ description: 'Whether events after `next` exist.' })
  hasMore!: boolean;
}
