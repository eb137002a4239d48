import { Field, ObjectType } from 'type-graphql';
import { LearningCycleSummary } from '../../public/types/Practice';

@ObjectType({ description: 'A learning cycle as the community sees it, shared or not.' })
export class ManagedLearningCycle extends LearningCycleSummary {
  @Field()
  isPublic!: boolean;
}
