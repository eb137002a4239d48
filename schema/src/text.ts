import { Kind, visit, type DocumentNode } from 'graphql';

/**
 * Text that PostgreSQL can store and compare as the client sent it: no NUL byte (which a `text`
 * column refuses) and no lone UTF-16 surrogate (which would be stored altered).
 */
export function isWellFormedText(text: string): boolean {
  return !text.includes('\u0000') && text.isWellFormed();
}

/** The first string in a request's variables or literals that is not well-formed text, with where it is. */
export function malformedTextIn(document: DocumentNode, variables: Record<string, unknown> | undefined): string | null {
  let found: string | null = null;
  const look = (value: unknown, where: string): void => {
    if (found) return;
    if (typeof value === 'string') {
      if (!isWellFormedText(value)) found = where;
    } else if (Array.isArray(value)) value.forEach((item, i) => look(item, `${where}[${i}]`));
    else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) look(item, `${where}.${key}`);
  };
  for (const [name, value] of Object.entries(variables ?? {})) look(value, `$${name}`);
  visit(document, {
    [Kind.STRING](node) {
      if (!found && !isWellFormedText(node.value)) found = `a string literal at line ${node.loc?.startToken.line ?? '?'}`;
    },
  });
  return found;
}
