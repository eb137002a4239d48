import fc from 'fast-check';
import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';

/**
 * Random operations over a schema, drawn through fast-check's `gen()` so a failure replays from its
 * seed: fields and nested selections, aliases, `__typename`, inline fragments and named fragment
 * spreads, `@include`/`@skip`, arguments as literals or variables (declared with and without
 * defaults; given, omitted, null or invalid), and now and then a value the schema refuses.
 */
export interface GeneratedOperation {
  query: string;
  variables: Record<string, unknown>;
}

export interface ValuePools {
  /** Values for ID arguments and for String arguments by argument name (falls back to `String`). */
  ID: unknown[];
  String: unknown[];
  byArgument?: Record<string, unknown[]>;
  /** Fields never selected: those whose value differs between two servers by nature (clocks, latency). */
  skipFields?: string[];
}

type Draw = fc.GeneratorValue;

const INTS = [-1, 0, 1, 2, 3, 5, 10, 11, 20, 100, 101];
const DATES = ['2026-01-01T00:00:00Z', '2000-01-01T00:00:00.000Z', '2031-12-31T23:59:59Z'];
/** A value of the wrong kind for any input type. */
const WRONG = ['many', 3.5, { no: 'object' }, 'NOVEL', true, 'yesterday'];

export function generateOperation(
  schema: GraphQLSchema,
  pools: ValuePools,
  g: Draw,
  maxDepth = 4,
): GeneratedOperation {
  const pick = <T>(values: readonly T[]): T => values[g(fc.integer, { min: 0, max: values.length - 1 })];
  const chance = (percent: number) => g(fc.integer, { min: 0, max: 99 }) < percent;
  const skip = new Set(pools.skipFields ?? []);
  const declarations: string[] = [];
  const variables: Record<string, unknown> = {};
  const fragments: string[] = [];
  const declared: string[] = [];
  let names = 0;
  const fresh = (prefix: string) => `${prefix}${names++}`;

  /** A valid value of `type` as JSON (the variables) — or, rarely, one the type refuses. */
  function value(type: GraphQLInputType, argument: string, depth = 0): unknown {
    if (!isNonNullType(type) && chance(10)) return null;
    const inner = getNullableType(type) as GraphQLInputType;
    if (isListType(inner)) {
      if (chance(15)) return value(inner.ofType, argument, depth + 1); // one item stands for a list of one
      return Array.from({ length: g(fc.integer, { min: 0, max: 2 }) }, () =>
        value(inner.ofType, argument, depth + 1),
      );
    }
    if (isEnumType(inner)) return pick(inner.getValues().map((v) => v.name));
    if (isInputObjectType(inner)) {
      const object: Record<string, unknown> = {};
      for (const field of Object.values(inner.getFields()))
        if (chance(30)) object[field.name] = value(field.type, field.name, depth + 1);
      return object;
    }
    switch (inner.name) {
      case 'Int':
        return pick(INTS);
      case 'Float':
        return pick([0, 1.5, -2]);
      case 'Boolean':
        return chance(50);
      case 'DateTime':
        return pick(DATES);
      case 'ID':
        return pick(pools.ID);
      default:
        return pick(pools.byArgument?.[argument] ?? pools.String);
    }
  }

  /** `value` written as a GraphQL literal of `type` (a value of the wrong kind is written as what it is). */
  function literal(type: GraphQLInputType, v: unknown): string {
    if (v === null) return 'null';
    const inner = getNullableType(type) as GraphQLInputType;
    const itemType = isListType(inner) ? inner.ofType : inner;
    if (Array.isArray(v)) return `[${v.map((item) => literal(itemType, item)).join(', ')}]`;
    if (isListType(inner)) return literal(inner.ofType, v);
    if (isEnumType(inner) && typeof v === 'string' && /^[A-Z_]+$/.test(v)) return v;
    if (typeof v === 'object') {
      const fields = isInputObjectType(inner) ? inner.getFields() : {};
      return `{ ${Object.entries(v as object)
        .map(([k, item]) => `${k}: ${literal(fields[k]?.type ?? inner, item)}`)
        .join(', ')} }`;
    }
    return JSON.stringify(v);
  }

  /** A variable standing for `type` in an argument or directive: declared, maybe defaulted, maybe sent. */
  function variable(type: GraphQLInputType, argument: string): string {
    const name = fresh('v');
    const defaulted = chance(40);
    const fallback = defaulted ? value(type, argument) : undefined;
    // A null default cannot flow into a non-null position; graphql-js refuses the operation, as it should.
    declarations.push(`$${name}: ${type.toString()}${defaulted ? ` = ${literal(type, fallback)}` : ''}`);
    // Null only where allowed, omitted only where optional: refusals come from `corrupt` below.
    const nullable = !isNonNullType(type);
    const roll = g(fc.integer, { min: 0, max: 99 });
    if (nullable && roll < 12) variables[name] = null;
    else if ((nullable || defaulted) && roll < 40) delete variables[name];
    else variables[name] = value(type, argument);
    declared.push(name);
    return `$${name}`;
  }

  function argumentValue(type: GraphQLInputType, argument: string): string {
    if (chance(50)) return variable(type, argument);
    return literal(type, chance(2) ? pick(WRONG) : value(type, argument));
  }

  function directives(): string {
    if (!chance(12)) return '';
    const which = chance(50) ? 'include' : 'skip';
    const condition = chance(50)
      ? String(chance(50))
      : variable(schema.getDirective(which)!.args[0].type, 'if');
    return ` @${which}(if: ${condition})`;
  }

  function field(field: GraphQLField<unknown, unknown>, depth: number): string | null {
    const named = getNamedType(field.type);
    if (!isLeafType(named) && depth >= maxDepth) return null;
    const args = field.args
      .filter((arg) => (isNonNullType(arg.type) && arg.defaultValue === undefined ? true : chance(50)))
      .map((arg) => `${arg.name}: ${argumentValue(arg.type, arg.name)}`);
    // Fields with arguments get an alias of their own, so no two ever conflict; others merge by name.
    const alias = args.length || chance(20) ? `${fresh('a')}: ` : '';
    const head = `${alias}${field.name}${args.length ? `(${args.join(', ')})` : ''}${directives()}`;
    return isLeafType(named) ? head : `${head} ${selection(named as GraphQLObjectType, depth + 1)}`;
  }

  function selection(type: GraphQLObjectType, depth: number): string {
    const fields = Object.values(type.getFields()).filter((f) => !skip.has(`${type.name}.${f.name}`));
    const parts: string[] = [];
    for (let i = g(fc.integer, { min: 1, max: depth < 2 ? 3 : 2 }); i > 0; i--) {
      const chosen = field(pick(fields), depth);
      if (chosen) parts.push(chosen);
    }
    if (chance(15)) parts.push('__typename');
    const nest = depth < maxDepth;
    if (nest && chance(8)) parts.push(`... on ${type.name}${directives()} ${selection(type, depth + 1)}`);
    if (nest && chance(6)) parts.push(`...${directives()} ${selection(type, depth + 1)}`);
    if (nest && chance(8)) {
      const name = fresh('F');
      fragments.push(`fragment ${name} on ${type.name} ${selection(type, depth + 1)}`);
      parts.push(`...${name}${directives()}`);
    }
    const leaf = fields.find((f) => isLeafType(getNamedType(f.type)) && f.args.length === 0);
    if (parts.length === 0) parts.push(leaf && chance(50) ? leaf.name : '__typename');
    return `{ ${parts.join(' ')} }`;
  }

  const body = selection(schema.getQueryType()!, 0);
  // Now and then one variable the operation cannot run with: of the wrong kind, null, or left out.
  if (declared.length && chance(15)) {
    const name = pick(declared);
    const how = g(fc.integer, { min: 0, max: 2 });
    if (how === 2) delete variables[name];
    else variables[name] = how === 1 ? null : pick(WRONG);
  }
  const name = chance(50) ? ` Generated${names}` : '';
  const header =
    name || declarations.length
      ? `query${name}${declarations.length ? `(${declarations.join(', ')})` : ''} `
      : '';
  return { query: [`${header}${body}`, ...fragments].join('\n'), variables };
}
