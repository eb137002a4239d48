import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Role } from './enums';

/** A bearer token for the admin API. Only the SHA-256 of the secret is stored. */
@Entity({ tableName: 'api_token' })
export class ApiToken {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 200 })
  name!: string;

  @Enum({ items: () => Role, nativeEnumName: 'token_role' })
  role!: Role;

  @Property({ type: 'string', length: 64, unique: true })
  secretHash!: string;

  /** First characters of the token, so an admin can tell tokens apart without the secret. */
  @Property({ type: 'string', length: 16 })
  prefix!: string;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', nullable: true })
  lastUsedAt?: Date | null;

  @Property({ type: 'datetime', nullable: true })
  revokedAt?: Date | null;
}
