import { Field, Float, ID, ObjectType } from 'type-graphql';
import { CycleCadence } from '../../graphql/enums';
import { LocalDate } from '../../graphql/scalars';

@ObjectType({ description: 'What a community learned in one period, shared because it chose to.' })
export class LearningCycleSummary {
  @Field(() => ID)
  id!: string;

  @Field(() => CycleCadence)
  cadence!: CycleCadence;

  @Field(() => LocalDate)
  startsOn!: string;

  @Field(() => LocalDate)
  endsOn!: string;

  @Field()
  becameClear!: string;

  @Field()
  surprised!: string;

  @Field()
  failed!: string;

  @Field(() => [ID], { description: 'Published artifacts harvested in this cycle.' })
  harvestedArtifactIds!: string[];
}

@ObjectType({ description: 'Who does the translation work between the community and the Commons.' })
export class ContributionRole {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Display name, as the person chose to be credited.' })
  personName!: string;

  @Field({ description: 'e.g. translator, liaison, knowledge secretary.' })
  role!: string;

  @Field(() => Float)
  hoursPerMonth!: number;

  @Field(() => Float, { description: 'Hours per month that are paid or otherwise resourced.' })
  resourcedHoursPerMonth!: number;

  @Field(() => LocalDate)
  startsOn!: string;

  @Field(() => LocalDate, { nullable: true })
  endsOn!: string | null;
}
