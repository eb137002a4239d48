#!/usr/bin/env node
// Checked-in launcher, so the bin stays executable whatever the build does to dist/.
// Servers run graphql-js without its development-only checks (much slower) unless told otherwise.
process.env.NODE_ENV ??= 'production';
require('../dist/cli.js');
