// The one progress bar: on standard error, only when it is a terminal, only for runs over more
// than PROGRESS_MIN_FILES files, never with --quiet. While it shows, lines meant for the same
// terminal (problems on stderr) wait until it is gone.
import type { Locale } from '../util/i18n.js';
import type { RunIO } from './io.js';

/** More files than this, on a terminal, and a progress bar is shown. */
export const PROGRESS_MIN_FILES = 20;

export interface Progress {
  /** the runner's onProgress */
  update(done: number, total: number): void;
  /** whether a bar is on the terminal now */
  readonly active: boolean;
  /** prints to stderr, or holds the line while the bar shows */
  stderr(line: string): void;
  /** removes the bar and prints what was held */
  stop(): void;
}

const barFormat = { zh: '  {bar} {value}/{total} 个文件 · 剩余 {eta_formatted}', en: '  {bar} {value}/{total} files · {eta_formatted} left' };

export async function progressBar(io: RunIO, enabled: boolean, locale: Locale = 'zh'): Promise<Progress> {
  const lib = enabled && io.stderrIsTTY ? (await import('cli-progress')).default : null;
  let bar: InstanceType<NonNullable<typeof lib>['SingleBar']> | null = null;
  let stopped = false;
  const held: string[] = [];
  return {
    update(done, total) {
      if (!lib || stopped || total <= PROGRESS_MIN_FILES) return;
      if (!bar) {
        // drawn through io.stderr: a terminal to cli-progress, so tests can capture it too
        const stream = {
          isTTY: true,
          columns: io.stderrColumns ?? 80,
          write(s: string, cb?: () => void) {
            io.stderr(s);
            cb?.();
            return true;
          },
        } as unknown as NodeJS.WritableStream;
        bar = new lib.SingleBar(
          { format: barFormat[locale], hideCursor: true, clearOnComplete: true, stream },
          lib.Presets.shades_classic,
        );
        bar.start(total, done);
      } else bar.update(done);
    },
    get active() {
      return bar !== null && !stopped;
    },
    stderr(line) {
      if (bar && !stopped) held.push(line);
      else io.stderr(line);
    },
    stop() {
      if (stopped) return;
      stopped = true;
      bar?.stop();
      for (const line of held.splice(0)) io.stderr(line);
    },
  };
}
