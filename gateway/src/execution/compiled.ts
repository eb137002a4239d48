import type { GatewayExecutionResult, GatewayInterface } from '@apollo/server-gateway-interface';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import {
  execute, getVariableValues, GraphQLError, printSchema, type DocumentNode, type ExecutionResult, type GraphQLSchema, type SourceLocation,
} from 'graphql';

type Compiled = CompiledQuery | ExecutionResult;

/**
 * graphql-jit's errors pass `instanceof GraphQLError` but are not graphql-js errors: `extensions`
 * may be missing, which Apollo Server's error formatting does not survive (it drops the path).
 */
interface JitError {
  message: string;
  locations?: readonly SourceLocation[];
  path?: ReadonlyArray<string | number>;
  originalError?: Error;
  extensions?: Record<string, unknown>;
}

function executionError(error: JitError): GraphQLError {
  const normalized = new GraphQLError(error.message, {
    path: error.path,
    originalError: error.originalError ?? (error as Error),
    extensions: error.extensions,
  });
  // Where in the query it failed, for sandboxes that point at it.
  (normalized as { locations?: readonly SourceLocation[] }).locations = error.locations;
  return normalized;
}

/**
 * Executes operations with graphql-jit: each operation is compiled once into a function (kept as
 * long as Apollo Server keeps its parsed document) instead of being interpreted field by field.
 * Apollo Server accepts a custom executor through its gateway interface; the schema never changes.
 */
export function compiledExecution(schema: GraphQLSchema): GatewayInterface {
  const compiled = new WeakMap<DocumentNode, Map<string, Compiled>>();
  const compile = (document: DocumentNode, operationName: string | null): Compiled => {
    let byName = compiled.get(document);
    if (!byName) compiled.set(document, (byName = new Map()));
    let query = byName.get(operationName ?? '');
    if (!query) byName.set(operationName ?? '', (query = compileQuery(schema, document, operationName ?? undefined)));
    return query;
  };
  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: printSchema(schema) });
      return () => undefined;
    },
    async load() {
      return {
        executor: async (request): Promise<GatewayExecutionResult> => {
          // graphql-js coerces the variables, so the rules are the spec's (a non-null variable with
          // a default may be omitted; graphql-jit refuses that) and refusals are worded as graphql-js
          // words them, naming the variable's definition: Apollo Server answers those with a 400
          // BAD_USER_INPUT. graphql-jit then re-reads values that are already coerced, which leaves
          // them as they are for every input type of the Commons (built-in scalars, enums whose
          // values are their names, DateTime's Date, lists and input objects of those).
          const raw = request.request.variables ?? {};
          const variables = getVariableValues(schema, request.operation.variableDefinitions ?? [], raw);
          if (variables.errors) return { errors: variables.errors };
          const interpret = () => execute({
            schema, document: request.document, operationName: request.operationName, variableValues: raw, contextValue: request.context,
          });
          const query = compile(request.document, request.operationName);
          if (!isCompiledQuery(query)) return interpret();
          const result = await query.query(undefined, request.context, variables.coerced);
          // No data: graphql-jit refused what graphql-js accepted; graphql-js has the last word.
          if (!('data' in result)) return interpret();
          const errors = result.errors as readonly JitError[] | undefined;
          if (!errors?.length) return result as GatewayExecutionResult;
          return { ...result, errors: errors.map(executionError) } as GatewayExecutionResult;
        },
      };
    },
    async stop() {},
  };
}
