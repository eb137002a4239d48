import { Length, Matches } from 'class-validator';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { Role } from '../../graphql/enums';

@ObjectType({ description: 'A token as admins see it: never its secret.' })
export class TokenInfo {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => Role)
  role!: Role;

  @Field({ description: 'The first characters of the token, to tell tokens apart.' })
  prefix!: string;

  @Field()
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  lastUsedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  revokedAt!: Date | null;
}

@ObjectType()
export class CreatedToken {
  @Field({ description: 'The bearer token. Shown once: only its hash is stored.' })
  token!: string;

  @Field(() => TokenInfo)
  info!: TokenInfo;
}

@ObjectType({ description: 'Who the presented token belongs to.' })
export class Me {
  @Field()
  name!: string;

  @Field(() => Role)
  role!: Role;
}

@InputType()
export class TokenInput {
  @Field()
  @Length(1, 200)
  @Matches(/\S/, { message: 'name must not be blank' })
  name!: string;

  @Field(() => Role)
  role!: Role;
}
