import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

describe('a server that meets a stray error', () => {
  it('logs a rejection nobody awaited and an exception thrown from a callback, and keeps running', async () => {
    // In a process of its own: jest must not see these errors as its own.
    const script = `
      const { keepServingOnStrayErrors } = require(${JSON.stringify(join(__dirname, '..', '..', 'dist', 'index.js'))});
      keepServingOnStrayErrors({ error: (details, message) => console.log(message + ': ' + details.err.message) });
      Promise.reject(new Error('a node answered nonsense'));
      setImmediate(() => { throw new Error('a callback broke'); });
      setTimeout(() => console.log('still serving'), 50);`;
    const { stdout } = await run(process.execPath, ['-e', script]);
    expect(stdout.trim().split('\n').sort()).toEqual([
      'still serving',
      'uncaught exception; still serving: a callback broke',
      'unhandled rejection; still serving: a node answered nonsense',
    ]);
  });

  it('logs a stray error without what it carries: a database error holds its client, statements and values', async () => {
    const script = `
      const { keepServingOnStrayErrors } = require(${JSON.stringify(join(__dirname, '..', '..', 'dist', 'index.js'))});
      keepServingOnStrayErrors({ error: (details) => console.log(JSON.stringify(details.err)) });
      const error = Object.assign(new Error('terminating connection due to administrator command'), {
        code: '57P01', severity: 'FATAL',
        client: { connectionParameters: { user: 'postgres', password: 'hunter2' }, activeQuery: { values: ['a draft title'] } },
      });
      setImmediate(() => { throw error; });`;
    const { stdout } = await run(process.execPath, ['-e', script]);
    const logged = stdout.trim();
    expect(JSON.parse(logged)).toMatchObject({ code: '57P01' });
    expect(logged).not.toMatch(/hunter2|a draft title|connectionParameters/);
  });
});
