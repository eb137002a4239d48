import { Collection, Entity, Enum, ManyToMany, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Artifact } from './Artifact';
import { CycleCadence } from './enums';

/** Articulation: what the community learned in one period. Public only when marked so. */
@Entity({ tableName: 'learning_cycle' })
export class LearningCycle {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Enum({ items: () => CycleCadence, nativeEnumName: 'cycle_cadence' })
  cadence!: CycleCadence;

  @Property({ type: 'date' })
  startsOn!: string;

  @Property({ type: 'date' })
  endsOn!: string;

  @Property({ type: 'text' })
  becameClear: string = '';

  @Property({ type: 'text' })
  surprised: string = '';

  @Property({ type: 'text' })
  failed: string = '';

  @Property({ type: 'boolean' })
  isPublic: boolean = false;

  @ManyToMany({ entity: () => Artifact, pivotTable: 'learning_cycle_harvest' })
  harvested = new Collection<Artifact>(this);

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
