import { describe, expect, it } from 'vitest';
import { pipelineRunLog } from './run-log.js';
import { STALE_DATA_METRIC } from './staleness.js';

// Issue 17, item 8: pipeline log lines carry the run id and the version id.
const record = () => {
  const lines: Record<string, any>[] = [];
  const log = pipelineRunLog('req-123', (l) => lines.push(JSON.parse(l)), () => new Date('2026-11-30T07:00:00Z'));
  return { lines, log };
};

describe('pipelineRunLog', () => {
  it('puts the run id on every line and the version id on every line once the run has chosen it', () => {
    const { lines, log } = record();
    log.progress.step('staged 17 sources');
    log.progress.version!('ma-hei-1.0-20261130T070000Z-ab12');
    log.progress.task('writing version', 888).done();
    log.info('run finished', { outcome: 'published' });
    expect(lines[0]).toEqual({ timestamp: '2026-11-30T07:00:00.000Z', level: 'info', message: 'staged 17 sources', runId: 'req-123' });
    for (const l of lines.slice(1)) expect(l).toMatchObject({ runId: 'req-123', versionId: 'ma-hei-1.0-20261130T070000Z-ab12' });
    expect(lines[2]).toMatchObject({ message: 'run finished', outcome: 'published' });
  });

  it('keeps the ids when the run fails, and a field cannot overwrite them', () => {
    const { lines, log } = record();
    log.setVersion('v1');
    log.error('run failed', { error: 'boom', runId: 'spoofed' });
    expect(lines[0]).toMatchObject({ level: 'error', message: 'run failed', error: 'boom', runId: 'req-123', versionId: 'v1' });
  });

  it('writes metrics in CloudWatch embedded metric format, ids included', () => {
    const { lines, log } = record();
    log.setVersion('v1');
    log.metric(STALE_DATA_METRIC, 2.5, { Stack: 'EquityAtlas-prod' });
    expect(lines[0]).toMatchObject({
      _aws: { Timestamp: Date.parse('2026-11-30T07:00:00Z'), CloudWatchMetrics: [{ Namespace: 'EquityAtlas', Dimensions: [['Stack']], Metrics: [{ Name: 'StaleSourceDays', Unit: 'None' }] }] },
      Stack: 'EquityAtlas-prod',
      StaleSourceDays: 2.5,
      runId: 'req-123',
      versionId: 'v1',
    });
  });
});
