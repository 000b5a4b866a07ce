import { SingleBar, Presets } from 'cli-progress';
import type { Progress } from '../pipeline/progress.js';

/** Progress on the terminal: a line per step and a bar for counted work (plain lines when not a TTY). */
export function terminalProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  const started = Date.now();
  const stamp = () => `${((Date.now() - started) / 1000).toFixed(1).padStart(5)}s`;
  return {
    step: (message) => stream.write(`${stamp()}  ${message}\n`),
    task: (label, total) => {
      const bar = new SingleBar(
        { format: `${stamp()}  ${label} [{bar}] {value}/{total}`, stream, noTTYOutput: false, hideCursor: true },
        Presets.shades_classic,
      );
      if (stream.isTTY) bar.start(total, 0);
      else stream.write(`${stamp()}  ${label}: ${total} items\n`);
      return {
        tick: (done) => stream.isTTY && bar.update(done),
        done: () => (stream.isTTY ? bar.stop() : stream.write(`${stamp()}  ${label}: done\n`)),
      };
    },
  };
}
