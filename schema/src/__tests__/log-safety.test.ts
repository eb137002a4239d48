import { GraphQLError } from 'graphql';
import { apolloLogger, loggableError, scrubMessage } from '../log-safety';

/** What an error may leave in a log: names, codes and frames, never the values it carried. */
describe('log-safe errors', () => {
  it('takes everything quoted out of a message', () => {
    expect(scrubMessage(`Unexpected token 'M', "{ "note": Maria keeps" is not valid JSON`)).not.toContain(
      'Maria',
    );
    expect(scrubMessage('invalid input syntax for type uuid: "secret-draft"')).toBe(
      'invalid input syntax for type uuid: "…"',
    );
    expect(scrubMessage('Key (handle)=(secret-handle) already exists.')).toBe('Key (…)=(…) already exists.');
  });

  it('keeps only the codes and names of a database error wrapped in a GraphQL error', () => {
    class CheckConstraintViolationException extends Error {
      code = '23514';
      table = 'artifact_draft';
      constraint = 'title_check';
      detail = 'Failing row contains (1, Secret title, secret body).';
    }
    const database = new CheckConstraintViolationException(
      `insert into "artifact_draft" ("title") values ('Secret title') - new row violates check constraint "title_check"`,
    );
    const wrapped = new GraphQLError(database.message, { originalError: database });
    const safe = loggableError(wrapped);
    expect(JSON.stringify(safe)).not.toMatch(/Secret|secret body/);
    expect(safe.cause).toMatchObject({
      type: 'CheckConstraintViolationException',
      code: '23514',
      table: 'artifact_draft',
      constraint: 'title_check',
    });
    expect(loggableError(safe)).toBe(safe);
  });

  it('keeps a body parser error to its kind, without the body', () => {
    const error = Object.assign(new SyntaxError('Unexpected token'), {
      type: 'entity.parse.failed',
      status: 400,
      body: '{"token":"cgn_secret"}',
    });
    expect(JSON.stringify(loggableError(error))).not.toContain('cgn_secret');
    expect(loggableError(error)).toMatchObject({ kind: 'entity.parse.failed', status: 400 });
  });

  it('scrubs what Apollo Server logs as plain strings', () => {
    const lines: unknown[] = [];
    const record = (object: object, message?: string) => void lines.push([object, message]);
    apolloLogger({ debug: record, info: record, warn: record, error: record }).error(
      `Unexpected error processing request: Error: bad value 'cgn_secret'`,
    );
    expect(JSON.stringify(lines)).not.toContain('cgn_secret');
  });
});
