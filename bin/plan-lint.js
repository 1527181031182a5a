#!/usr/bin/env node
// Entry point: the bundled CLI (npm ci runs `prepare`, which compiles src/ to dist/ and bundles
// it into dist/bundle).
import '../dist/bundle/plan-lint.js';
