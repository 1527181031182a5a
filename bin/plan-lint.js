#!/usr/bin/env node
// Entry point: the bundled CLI (npm ci runs `prepare`, which compiles src/ to dist/ and bundles
// it into dist/bundle). On Node ≥ 22.1, V8's compile cache (kept by Node in the system's
// temporary folder) spares later runs compiling the bundle again; on Node 20 the call is absent.
import module from 'node:module';

module.enableCompileCache?.();
await import('../dist/bundle/plan-lint.js');
