// Runs before every test file (vitest setupFiles): temporary folders made by the helpers are
// removed when the file is done, whatever it left behind.
import { afterAll } from 'vitest';
import { removeWorkspaces } from './helpers/cli.js';

afterAll(removeWorkspaces);
