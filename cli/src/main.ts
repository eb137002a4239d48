#!/usr/bin/env node
import { reportCommand } from './report/command';

/** `commons-report`: the report command on its own, for stewards without the demo. */
reportCommand('commons-report')
  .parseAsync()
  .catch((error: unknown) => {
    process.stderr.write(`commons-report: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
