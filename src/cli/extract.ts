import type { Command } from 'commander';
import YAML from 'yaml';
import { extractPath } from '../pipeline.js';
import { documentJsonSchema, type PlanDocument } from '../model/schema.js';
import { emit } from './output.js';
import { fail } from './errors.js';
import { InputError } from '../ingest/errors.js';

export function serialize(doc: PlanDocument, format: string): string {
  if (format === 'json') return JSON.stringify(doc, null, 2) + '\n';
  return YAML.stringify(doc, { lineWidth: 0, aliasDuplicateObjects: false });
}

export function registerExtract(program: Command): void {
  program
    .command('extract')
    .description('print the typed document model of one plan file (YAML by default)')
    .argument('<path>', 'a .txt/.md file, or - for standard input')
    .option('--format <format>', 'yaml or json', 'yaml')
    .option('-o, --output <file>', 'write to a file (atomically) instead of standard output')
    .action(async (file: string, opts: { format: string; output?: string }) => {
      if (!['yaml', 'json'].includes(opts.format)) fail(new Error(`unknown --format ${opts.format} (yaml or json)`));
      let text: string;
      try {
        text = serialize((await extractPath(file)).document, opts.format);
      } catch (e) {
        fail(e);
      }
      try {
        await emit(text, opts.output);
      } catch (e) {
        fail(new InputError(opts.output ?? '<stdout>', `cannot write (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`));
      }
    });
}

export function registerSchema(program: Command): void {
  program
    .command('schema')
    .description('print the JSON Schema of the extract output (generated from the zod model)')
    .action(async () => {
      await emit(JSON.stringify(documentJsonSchema(), null, 2) + '\n');
    });
}
