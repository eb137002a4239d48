import { parse, type OperationDefinitionNode } from 'graphql';
import { hasConditionalRepeats } from '../execution/conditional-repeats';
import { errorPropagated } from '../execution/compiled';

const repeats = (query: string) => {
  const document = parse(query);
  return hasConditionalRepeats(document, document.definitions[0] as OperationDefinitionNode);
};

/** Which operations the compiled executor hands to graphql-js, and why each must go. */
describe('operations graphql-jit would answer differently go to graphql-js', () => {
  it('a field repeated in one selection set with @skip or @include on an occurrence', () => {
    expect(repeats(`{ a { id ... @skip(if: true) { title } title } }`)).toBe(true);
    expect(
      repeats(
        `query($s: Boolean!) { a { ...F @include(if: $s) kind ... on Artifact { title } } } fragment F on Artifact { title }`,
      ),
    ).toBe(true);
    expect(repeats(`{ x: a { id } y: a { id title @skip(if: false) ... { title } } }`)).toBe(true);
  });

  it('but not repeats without a condition, nor conditions without a repeat', () => {
    expect(repeats(`{ a { id title ...F ... { title } } } fragment F on Artifact { title }`)).toBe(false);
    expect(repeats(`{ a { id @skip(if: true) title @include(if: false) } b: a { id } }`)).toBe(false);
  });

  it('an answer in which an error nulled a parent above its field', () => {
    const error = (path: Array<string | number>) => ({ message: 'broke', path }) as never;
    expect(errorPropagated({ data: null, errors: [error(['artifacts'])] })).toBe(true);
    expect(errorPropagated({ data: { artifact: null }, errors: [error(['artifact', 'title'])] })).toBe(true);
    expect(errorPropagated({ data: { list: [{ a: null }] }, errors: [error(['list', 0, 'a'])] })).toBe(false);
    expect(errorPropagated({ data: { artifact: null }, errors: [error(['artifact'])] })).toBe(false);
  });
});
