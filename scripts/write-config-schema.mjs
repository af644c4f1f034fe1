#!/usr/bin/env node
// Writes schema/busfactor.schema.json from the option list (src/settings/config-schema.ts), after a
// build. The file is committed; test/settings/config-schema.test.ts fails when it is out of date.
//
//   npm run schema
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { configJsonSchema } from '../dist/settings/config-schema.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const file = path.join(root, 'schema', 'busfactor.schema.json');
writeFileSync(file, `${JSON.stringify(configJsonSchema(), null, 2)}\n`);
console.log(`wrote ${path.relative(root, file)}`);
