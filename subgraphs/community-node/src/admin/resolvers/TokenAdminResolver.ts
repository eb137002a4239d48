import { notFound } from '@commons-graph/schema';
import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { createToken } from '../../auth/tokens';
import { ApiToken } from '../../entities';
import { Role } from '../../graphql/enums';
import type { AdminContext } from '../context';
import { presentToken } from '../present';
import { CreatedToken, Me, TokenInfo, TokenInput } from '../types/Tokens';

@Resolver()
export class TokenAdminResolver {
  @Authorized(Role.MEMBER)
  @Query(() => Me, { description: 'Who the presented token belongs to.' })
  me(@Ctx() ctx: AdminContext): Me {
    return { name: ctx.principal!.name, role: ctx.principal!.role };
  }

  @Authorized(Role.ADMIN)
  @Query(() => [TokenInfo])
  async tokens(@Ctx() ctx: AdminContext) {
    return (await ctx.em.find(ApiToken, {}, { orderBy: { createdAt: 'asc' } })).map(presentToken);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => CreatedToken, {
    description: 'Creates a token; the secret is returned once and only its hash kept.',
  })
  async createToken(@Arg('input') input: TokenInput, @Ctx() ctx: AdminContext): Promise<CreatedToken> {
    const { token, record } = await ctx.em.transactional((em) =>
      createToken(em, input.name.trim(), input.role),
    );
    return { token, info: presentToken(record) };
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => TokenInfo)
  async revokeToken(@Arg('id', () => ID) id: string, @Ctx() ctx: AdminContext) {
    return ctx.em.transactional(async (em) => {
      const valid = /^[0-9a-f-]{36}$/i.test(id);
      const record = valid ? await em.findOne(ApiToken, { id }) : null;
      if (!record) throw notFound(`No token "${id}"`);
      record.revokedAt ??= new Date();
      return presentToken(record);
    });
  }
}
