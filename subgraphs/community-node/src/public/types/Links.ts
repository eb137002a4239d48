import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import {
  AdoptionStatus,
  DerivationRelation,
  FeedbackKind,
  NeedStatus,
  ResponseKind,
} from '../../graphql/enums';

/** The links a community asserts about the Commons. Every id here is global (`<slug>:<local-id>`). */

@ObjectType({ description: 'Our artifact `artifactId` is derived from (or cites) `sourceId`.' })
export class DerivationLink {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { description: 'The derivative, an artifact of the asserting community.' })
  artifactId!: string;

  @Field(() => ID, { description: 'The source, on any node.' })
  sourceId!: string;

  @Field(() => DerivationRelation)
  relation!: DerivationRelation;

  @Field(() => String, { nullable: true })
  note!: string | null;

  @Field({ description: 'Slug of the community that asserted the link.' })
  assertedBy!: string;

  @Field()
  assertedAt!: Date;
}

@ObjectType({ description: 'A community using an artifact from the Commons.' })
@Directive('@key(fields: "id")')
export class Adoption {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  artifactId!: string;

  @Field({ description: 'Slug of the adopting community.' })
  community!: string;

  @Field(() => AdoptionStatus)
  status!: AdoptionStatus;

  @Field()
  context!: string;

  @Field(() => String, { nullable: true, description: 'The impact the adopters can name.' })
  impact!: string | null;

  @Field(() => ID, { nullable: true, description: "The adopter's own published derivative, if any." })
  adaptedAsId!: string | null;

  @Field()
  recordedAt!: Date;

  @Field()
  updatedAt!: Date;
}

@ObjectType({ description: 'What a community reports back about an artifact it tried.' })
@Directive('@key(fields: "id")')
export class Feedback {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  artifactId!: string;

  @Field({ description: 'Slug of the community that gave the feedback.' })
  community!: string;

  @Field(() => FeedbackKind)
  kind!: FeedbackKind;

  @Field()
  body!: string;

  @Field()
  givenAt!: Date;
}

@ObjectType({ description: "The origin community's response to feedback on one of its artifacts." })
@Directive('@key(fields: "id")')
export class FeedbackResponse {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  feedbackId!: string;

  @Field(() => ID)
  artifactId!: string;

  @Field({ description: 'Slug of the responding (origin) community.' })
  community!: string;

  @Field(() => ResponseKind)
  kind!: ResponseKind;

  @Field()
  body!: string;

  @Field(() => Int, { nullable: true })
  resultingVersion!: number | null;

  @Field()
  respondedAt!: Date;
}

@ObjectType({ description: 'Something a community asks the Commons for.' })
@Directive('@key(fields: "id")')
export class Need {
  @Field(() => ID)
  id!: string;

  @Field()
  community!: string;

  @Field()
  title!: string;

  @Field()
  body!: string;

  @Field(() => [String])
  tags!: string[];

  @Field(() => NeedStatus)
  status!: NeedStatus;

  @Field()
  postedAt!: Date;

  @Field(() => Date, { nullable: true })
  closedAt!: Date | null;
}

@ObjectType({ description: 'An artifact a community offers as an answer to a need.' })
export class NeedAnswer {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  needId!: string;

  @Field(() => ID)
  artifactId!: string;

  @Field({ description: 'Slug of the answering community.' })
  community!: string;

  @Field(() => String, { nullable: true })
  note!: string | null;

  @Field()
  answeredAt!: Date;
}
