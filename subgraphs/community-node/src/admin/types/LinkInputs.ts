import { ArrayMaxSize, IsInt, IsOptional, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import {
  AdoptionStatus,
  CycleCadence,
  DerivationRelation,
  FeedbackKind,
  ResponseKind,
} from '../../graphql/enums';
import { LocalDate } from '../../graphql/scalars';
import { LIMITS } from '../../content/fields';

const NOT_BLANK = /\S/;

@InputType()
export class DerivedFromInput {
  @Field(() => ID, { description: 'One of this community’s artifacts (draft or published).' })
  @MaxLength(200)
  artifactId!: string;

  @Field(() => ID, { description: 'The source, by global id, on any node.' })
  @MaxLength(200)
  sourceId!: string;

  @Field(() => DerivationRelation)
  relation!: DerivationRelation;

  @Field({ nullable: true })
  @MaxLength(LIMITS.summary)
  note?: string;
}

@InputType()
export class AdoptionInput {
  @Field(() => ID, { description: "Another community's published artifact, by global id." })
  @MaxLength(200)
  artifactId!: string;

  @Field(() => AdoptionStatus)
  status!: AdoptionStatus;

  @Field({ description: 'How the community uses it.' })
  @Length(1, LIMITS.text)
  @Matches(NOT_BLANK, { message: 'context must not be blank' })
  context!: string;

  @Field({ nullable: true, description: 'The impact the community can name.' })
  @MaxLength(LIMITS.text)
  impact?: string;

  @Field(() => ID, {
    nullable: true,
    description: "This community's own derivative, if it adapted the artifact.",
  })
  @MaxLength(200)
  adaptedAsId?: string;
}

@InputType()
export class AdoptionUpdateInput {
  @Field(() => AdoptionStatus, { nullable: true })
  status?: AdoptionStatus;

  @Field({ nullable: true })
  @MaxLength(LIMITS.text)
  context?: string;

  @Field({ nullable: true })
  @MaxLength(LIMITS.text)
  impact?: string;

  @Field(() => ID, { nullable: true })
  @MaxLength(200)
  adaptedAsId?: string;
}

@InputType()
export class FeedbackInput {
  @Field(() => ID)
  @MaxLength(200)
  artifactId!: string;

  @Field(() => FeedbackKind)
  kind!: FeedbackKind;

  @Field()
  @Length(1, LIMITS.text)
  @Matches(NOT_BLANK, { message: 'body must not be blank' })
  body!: string;
}

@InputType()
export class FeedbackResponseInput {
  @Field(() => ID, {
    description: 'The feedback, by global id (it is stored by the community that gave it).',
  })
  @MaxLength(200)
  feedbackId!: string;

  @Field(() => ID, { description: 'The artifact of this community the feedback is about.' })
  @MaxLength(200)
  artifactId!: string;

  @Field(() => ResponseKind)
  kind!: ResponseKind;

  @Field()
  @Length(1, LIMITS.text)
  @Matches(NOT_BLANK, { message: 'body must not be blank' })
  body!: string;

  @Field(() => Int, { nullable: true, description: 'The version that incorporated the feedback.' })
  @IsOptional()
  @IsInt()
  resultingVersion?: number;
}

@InputType()
export class NeedInput {
  @Field()
  @Length(1, LIMITS.title)
  @Matches(NOT_BLANK, { message: 'title must not be blank' })
  title!: string;

  @Field()
  @Length(1, LIMITS.text)
  @Matches(NOT_BLANK, { message: 'body must not be blank' })
  body!: string;

  @Field(() => [String], { nullable: true })
  @ArrayMaxSize(LIMITS.tags)
  @Length(1, LIMITS.tag, { each: true })
  tags?: string[];
}

@InputType()
export class NeedAnswerInput {
  @Field(() => ID)
  @MaxLength(200)
  needId!: string;

  @Field(() => ID, { description: "One of this community's published artifacts." })
  @MaxLength(200)
  artifactId!: string;

  @Field({ nullable: true })
  @MaxLength(LIMITS.summary)
  note?: string;
}

@InputType()
export class LearningCycleInput {
  @Field(() => CycleCadence)
  cadence!: CycleCadence;

  @Field(() => LocalDate)
  startsOn!: string;

  @Field(() => LocalDate)
  endsOn!: string;

  @Field({ defaultValue: '' })
  @MaxLength(LIMITS.text)
  becameClear!: string;

  @Field({ defaultValue: '' })
  @MaxLength(LIMITS.text)
  surprised!: string;

  @Field({ defaultValue: '' })
  @MaxLength(LIMITS.text)
  failed!: string;

  @Field({ defaultValue: false, description: 'Share this summary in the public subgraph.' })
  isPublic!: boolean;

  @Field(() => [ID], { nullable: true, description: 'Artifacts of this community harvested in the cycle.' })
  @ArrayMaxSize(200)
  harvestedArtifactIds?: string[];
}

@InputType()
export class ContributionRoleInput {
  @Field()
  @Length(1, 200)
  @Matches(NOT_BLANK, { message: 'personName must not be blank' })
  personName!: string;

  @Field({ description: 'e.g. translator, liaison, knowledge secretary.' })
  @Length(1, 100)
  @Matches(NOT_BLANK, { message: 'role must not be blank' })
  role!: string;

  @Field(() => Float)
  @Min(0)
  @Max(744)
  hoursPerMonth!: number;

  @Field(() => Float, { defaultValue: 0 })
  @Min(0)
  @Max(744)
  resourcedHoursPerMonth!: number;

  @Field(() => LocalDate)
  startsOn!: string;

  @Field(() => LocalDate, { nullable: true })
  endsOn?: string;
}

@InputType()
export class ProfileInput {
  @Field({ nullable: true })
  @Length(1, 200)
  @Matches(NOT_BLANK, { message: 'name must not be blank' })
  name?: string;

  @Field({ nullable: true })
  @MaxLength(LIMITS.text)
  description?: string;

  @Field({ nullable: true })
  @MaxLength(200)
  region?: string;

  @Field({ nullable: true })
  @MaxLength(500)
  website?: string;
}
