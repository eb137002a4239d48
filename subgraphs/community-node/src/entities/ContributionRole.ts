import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/** Who does the translation work, and with how much resourced time. Display names only. */
@Entity({ tableName: 'contribution_role' })
export class ContributionRole {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 200 })
  personName!: string;

  /** e.g. translator, liaison, steward, knowledge secretary. */
  @Property({ type: 'string', length: 100 })
  role!: string;

  @Property({ type: 'double' })
  resourcedHoursPerMonth: number = 0;

  /** Hours per month actually spent, resourced or not; the base of concentration metrics. */
  @Property({ type: 'double' })
  hoursPerMonth: number = 0;

  @Property({ type: 'date' })
  startsOn!: string;

  @Property({ type: 'date', nullable: true })
  endsOn?: string | null;
}
