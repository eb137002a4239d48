import type { GatewayExecutionResult, GatewayInterface } from '@apollo/server-gateway-interface';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import {
  execute,
  getVariableValues,
  GraphQLError,
  Kind,
  printSchema,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SourceLocation,
} from 'graphql';
import type { GatewayContext } from '../context';
import { hasConditionalRepeats } from './conditional-repeats';

/** A compiled operation, graphql-jit's refusal to compile it, or graphql-js's turn (see below). */
type Compiled = CompiledQuery | ExecutionResult | 'interpret';

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

function operationOf(
  document: DocumentNode,
  operationName: string | null,
): OperationDefinitionNode | undefined {
  const operations = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  return operationName
    ? operations.find((o) => o.name?.value === operationName)
    : operations.length === 1
      ? operations[0]
      : undefined;
}

/**
 * Did a field error null a parent above the field (non-null propagation)? Then graphql-js, on
 * reaching the null, answers at once and leaves the parent's other fields unfinished, while
 * graphql-jit finishes them and reports what they ran into (their errors, and the nodes that failed
 * them, as NODE_UNAVAILABLE). The two answers differ for those operations only.
 */
export function errorPropagated(result: ExecutionResult): boolean {
  return (result.errors ?? []).some((error) => {
    if (!error.path) return false;
    let value: unknown = result.data;
    for (const key of error.path.slice(0, -1)) {
      if (value === null || value === undefined) return true;
      value = (value as Record<string | number, unknown>)[key];
    }
    // The field itself is null (nullable, so the error stops there) or its parent is gone.
    return value === null || value === undefined;
  });
}

/**
 * Executes operations with graphql-jit: each operation is compiled once into a function (kept as
 * long as Apollo Server keeps its parsed document) instead of being interpreted field by field.
 * Apollo Server accepts a custom executor through its gateway interface; the schema never changes.
 *
 * graphql-js answers instead where graphql-jit cannot answer as it would (a generated differential
 * test finds these, test/compiled-execution-generated.test.ts):
 * - mutations (run once, in order, never again: they are few, and a second run is not harmless);
 * - operations repeating a field in one selection set with `@skip`/`@include` on an occurrence
 *   (see `hasConditionalRepeats`): graphql-jit would order the fields differently;
 * - operations where a field error nulled a parent above the field (see `errorPropagated`): the
 *   compiled answer is thrown away and graphql-js runs the operation again on a fresh start;
 * - variables graphql-jit refuses after graphql-js accepted them, and operations it cannot compile.
 */
export function compiledExecution(schema: GraphQLSchema): GatewayInterface {
  const compiled = new WeakMap<DocumentNode, Map<string, Compiled>>();
  const compile = (document: DocumentNode, operationName: string | null): Compiled => {
    let byName = compiled.get(document);
    if (!byName) compiled.set(document, (byName = new Map()));
    let query = byName.get(operationName ?? '');
    if (!query) {
      const operation = operationOf(document, operationName);
      query =
        !operation || operation.operation === 'mutation' || hasConditionalRepeats(document, operation)
          ? 'interpret'
          : compileQuery(schema, document, operationName ?? undefined);
      byName.set(operationName ?? '', query);
    }
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
          const context = request.context as GatewayContext;
          const interpret = () =>
            execute({
              schema,
              document: request.document,
              operationName: request.operationName,
              variableValues: raw,
              contextValue: context,
            });
          const query = compile(request.document, request.operationName);
          if (query === 'interpret' || !isCompiledQuery(query)) return interpret();
          const result = await query.query(undefined, context, variables.coerced);
          // No data: graphql-jit refused what graphql-js accepted; graphql-js has the last word.
          if (!('data' in result)) return interpret();
          if (errorPropagated(result)) {
            context.restart();
            return interpret();
          }
          const errors = result.errors as readonly JitError[] | undefined;
          if (!errors?.length) return result as GatewayExecutionResult;
          return { ...result, errors: errors.map(executionError) } as GatewayExecutionResult;
        },
      };
    },
    async stop() {},
  };
}
