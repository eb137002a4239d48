import { connect } from 'node:net';
import { Client } from 'pg';
import { serverUrl } from '@commons-graph/testing';
import { freePort } from '@commons-graph/postgres';
import { describeError, isConnectionFailure } from '../describe-error';

/** The error a real connection to a port nobody listens on gives. */
async function refusedConnection(): Promise<Error> {
  const port = await freePort();
  return new Promise((resolve) => connect(port, '127.0.0.1').once('error', resolve));
}

describe('a failure told as a sentence', () => {
  it('says something when nothing, or an empty message, was thrown', () => {
    expect(describeError(undefined)).toBe('it failed without saying why (no error was given).');
    expect(describeError('')).toBe('it failed without saying why (an empty message).');
    expect(describeError(new Error())).toBe('Error without a message.');
    expect(describeError(Object.assign(new Error(''), { code: 'EWHATEVER' }))).toBe(
      'Error EWHATEVER without a message.',
    );
    expect(describeError({ reason: 'disk full' })).toBe("it failed with { reason: 'disk full' }.");
  });

  it('tells a refused connection, also inside the empty AggregateError Node gives after trying every address', async () => {
    const refused = await refusedConnection();
    const { port } = refused as unknown as { port: number };
    expect(describeError(refused)).toBe(
      `could not connect to 127.0.0.1:${port}: nothing accepts connections there.`,
    );
    expect(describeError(new AggregateError([refused, refused]))).toBe(
      `could not connect to 127.0.0.1:${port}: nothing accepts connections there.`,
    );
    expect(isConnectionFailure(new AggregateError([refused]))).toBe(true);
  });

  it('gives what PostgreSQL said, with its SQLSTATE', async () => {
    const url = new URL(serverUrl());
    url.pathname = '/no_such_database';
    const client = new Client({ connectionString: url.toString() });
    const error = await client.connect().then(
      () => null,
      (e: unknown) => e,
    );
    expect(describeError(error)).toBe(
      'the database said: database "no_such_database" does not exist (SQLSTATE 3D000).',
    );
    expect(isConnectionFailure(error)).toBe(true);
  });

  it('follows causes, and never prints a password from a connection string', () => {
    const error = new Error('could not open postgres://postgres:s3cret@db:5432/commons', {
      cause: new Error('disk full'),
    });
    expect(describeError(error)).toBe(
      'could not open postgres://postgres:***@db:5432/commons (because disk full).',
    );
  });
});
