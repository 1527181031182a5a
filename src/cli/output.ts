// Writes a command's output to standard output or, atomically, to a file (-o).
import { writeAtomic } from '../report/write-atomic.js';

export async function emit(data: string, outFile?: string): Promise<void> {
  if (outFile) await writeAtomic(outFile, data);
  else
    await new Promise<void>((resolve, reject) =>
      process.stdout.write(data, (err) => (err ? reject(err) : resolve())),
    );
}
