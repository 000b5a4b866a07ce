/** How the pipeline reports long work; the CLI renders it, tests can record it. */
export interface Progress {
  step(message: string): void;
  /** A counted task: call tick with the running total, then done. */
  task(label: string, total: number): { tick(done: number): void; done(): void };
  /** The run has chosen the version id it writes (structured logs add it to every later line: run-log.ts). */
  version?(versionId: string): void;
}

export const silentProgress: Progress = {
  step: () => {},
  task: () => ({ tick: () => {}, done: () => {} }),
};
