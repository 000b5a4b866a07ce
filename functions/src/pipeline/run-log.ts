import type { Progress } from './progress.js';

/**
 * Structured log of one pipeline run in Lambda: one JSON line per event,
 * each carrying the run id (the Lambda request id, which also names the
 * invocation's START/END/REPORT lines) and, from the moment the run knows it,
 * the version id it writes or keeps — so CloudWatch Logs Insights finds every
 * line of a run (`filter runId = …`) or of a version (`filter versionId = …`).
 * Metrics go out as CloudWatch embedded metric format lines: no API call, no
 * cloudwatch:PutMetricData permission.
 */
export interface RunLog {
  progress: Progress;
  /** The version this run writes (or, when nothing changed, keeps): added to every later line. */
  setVersion(versionId: string): void;
  info(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  /** One metric value with its dimensions (embedded metric format). */
  metric(metric: { namespace: string; name: string }, value: number, dimensions: Record<string, string>): void;
}

export function pipelineRunLog(runId: string, write: (line: string) => void = console.log, clock: () => Date = () => new Date()): RunLog {
  let versionId: string | undefined;
  const line = (entry: Record<string, unknown>) => write(JSON.stringify({ timestamp: clock().toISOString(), ...entry, runId, ...(versionId ? { versionId } : {}) }));
  const info = (message: string, fields: Record<string, unknown> = {}) => line({ level: 'info', message, ...fields });
  return {
    setVersion: (id) => {
      versionId = id;
    },
    info,
    error: (message, fields = {}) => line({ level: 'error', message, ...fields }),
    metric: ({ namespace, name }, value, dimensions) =>
      line({
        level: 'info',
        message: `metric ${name}`,
        _aws: { Timestamp: clock().getTime(), CloudWatchMetrics: [{ Namespace: namespace, Dimensions: [Object.keys(dimensions)], Metrics: [{ Name: name, Unit: 'None' }] }] },
        ...dimensions,
        [name]: value,
      }),
    progress: {
      step: (message) => info(message),
      task: (label, total) => ({ tick: () => {}, done: () => info(`${label}: ${total} items`) }),
      version: (id) => {
        versionId = id;
      },
    },
  };
}
