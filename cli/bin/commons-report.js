#!/usr/bin/env node
// Checked-in launcher, so the bin stays executable whatever the build does to dist/.
require('../dist/main.js');
