#!/usr/bin/env node
'use strict';
// Runs the TypeScript CLI through swc without a build step; the tsconfig gives the @conveyor/* aliases.
const path = require('node:path');

if (!process.env.SWC_NODE_PROJECT) {
  process.env.SWC_NODE_PROJECT = path.resolve(__dirname, '../../../tsconfig.base.json');
}
require('@swc-node/register');
require('../src/main.ts');
