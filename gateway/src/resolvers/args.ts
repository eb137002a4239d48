// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the GraphQL schema has validated and typed the args before a resolver runs; each resolver names the fields it reads.
export type Args = Record<string, any>;
