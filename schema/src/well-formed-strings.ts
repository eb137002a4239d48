import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { badInput } from './errors';
import { visit, type DocumentNode, type GraphQLError } from 'graphql';

/**
 * The one check of every string a request brings, in variables and in the query text alike:
 * PostgreSQL refuses a NUL character in text (the write failed with a 500) and stores a lone UTF-16
 * surrogate as U+FFFD (the text came back altered). Both are refused before any resolver runs, on
 * the node and at the gateway (where such a value would otherwise fail on every node at once).
 */
export function malformedStringReason(value: string): string | null {
  if (value.includes('\u0000')) return 'must not contain the NUL character (\\u0000)';
  if (!value.isWellFormed()) return 'must not contain a lone UTF-16 surrogate';
  return null;
}

interface Malformed {
  field: string;
  reason: string;
}

function inValue(value: unknown, path: string): Malformed | null {
  if (typeof value === 'string') {
    const reason = malformedStringReason(value);
    return reason ? { field: path, reason } : null;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = inValue(value[i], `${path}[${i}]`);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = inValue(item, path ? `${path}.${key}` : key);
      if (found) return found;
    }
  }
  return null;
}

/** String literals in the query text, named by argument and input field (`createArtifact.input.title`). */
function inDocument(document: DocumentNode): Malformed | null {
  let found: Malformed | null = null;
  const names: string[] = [];
  const named = { leave: () => void names.pop() };
  visit(document, {
    Field: { enter: (node) => void names.push(node.alias?.value ?? node.name.value), ...named },
    Argument: { enter: (node) => void names.push(node.name.value), ...named },
    ObjectField: { enter: (node) => void names.push(node.name.value), ...named },
    StringValue(node) {
      const reason = found ? null : malformedStringReason(node.value);
      if (reason) found = { field: names.join('.'), reason };
    },
  });
  return found;
}

/** A document is checked once: Apollo hands back the same parsed document for the same query. */
const checkedDocuments = new WeakMap<DocumentNode, Malformed | null>();

function refusal({ field, reason }: Malformed): GraphQLError {
  const error = badInput(`${field} ${reason}`, { field });
  // Thrown from a plugin hook, an error without a status becomes a 500.
  error.extensions.http = { status: 400 };
  return error;
}

export function wellFormedStringsPlugin<C extends BaseContext>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          let literal = checkedDocuments.get(document);
          if (literal === undefined) checkedDocuments.set(document, (literal = inDocument(document)));
          if (literal) throw refusal(literal);
          const variable = inValue(request.variables ?? {}, '');
          if (variable) throw refusal({ ...variable, field: `$${variable.field}` });
        },
      };
    },
  };
}
