#!/usr/bin/env node
// Entry point: the compiled CLI (npm ci runs `prepare`, which compiles src/ to dist/).
import '../dist/cli/index.js';
