#!/usr/bin/env node
// The CLI's bundle (scripts/bundle.mjs, made by `npm run build`): one file loads faster than the
// four hundred modules of dist/ it is made from.
import '../dist/bundle/main.js';
