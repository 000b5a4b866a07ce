import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { loadConfig, REPO_ROOT } from '../config.js';
import { resolveDataFile } from '../sources/data-dir.js';
import { main, RANK_HEADER } from './rank.js';

// The published files in DATA_DIR (SOURCES.md §6), read in place.
const dataDir = loadConfig().dataDir;
const file2018 = resolveDataFile(dataDir, 'svi/svi2018_MA_county_stateranked.csv');
const file2022 = resolveDataFile(dataDir, 'svi/svi2022_US_county_nationalranked.csv');
const RPL = RANK_HEADER.slice(1);

const readCsv = (text: string | Buffer) => parse(text, { columns: true, bom: true }) as Record<string, string>[];

/** Max |ours − published| over every RPL column, after checking both list the same FIPS in the same order. */
function maxAbsDiff(output: string, publishedFile: string): number {
  const ours = readCsv(output);
  const published = readCsv(readFileSync(publishedFile));
  expect(ours.map((r) => r.FIPS)).toEqual(published.map((r) => r.FIPS));
  return Math.max(...ours.flatMap((row, i) => RPL.map((c) => Math.abs(Number(row[c]) - Number(published[i]![c])))));
}

function runMain(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

describe('npm run -s rank (end to end)', () => {
  it('reproduces the published SVI 2018 MA county ranks exactly', () => {
    const run = spawnSync('npm', ['run', '-s', 'rank', '--', '--method', 'svi2018', file2018], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect(run.stderr.replace(/^npm warn.*\n/gm, '')).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe('FIPS,RPL_THEME1,RPL_THEME2,RPL_THEME3,RPL_THEME4,RPL_THEMES');
    expect(run.stdout.split('\n')[1]).toBe('25007,0.0769,0.3077,0.0769,0,0'); // Dukes, as published
    expect(maxAbsDiff(run.stdout, file2018)).toBe(0);
  });

  it('exits non-zero with a clear message for a missing file', () => {
    const run = spawnSync('npx', ['tsx', 'functions/src/cli/rank.ts', '--method', 'svi2018', 'no/such/file.csv'], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('error: no/such/file.csv: no such file');
  });
});

describe('rank main()', () => {
  it('reproduces the published SVI 2022 national county ranks exactly (3,144 rows)', () => {
    const { code, stdout, stderr } = runMain(['--method=svi2022', file2022]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout.trimEnd().split('\n')).toHaveLength(3145);
    expect(maxAbsDiff(stdout, file2022)).toBe(0);
  });

  it('prints output formatted exactly like the published columns', () => {
    const ours = readCsv(runMain(['--method', 'svi2018', file2018]).stdout);
    const published = readCsv(readFileSync(file2018));
    expect(ours.map((r) => RPL.map((c) => r[c]))).toEqual(published.map((r) => RPL.map((c) => r[c])));
  });

  it('rejects an unknown method with usage and exit 2', () => {
    const { code, stdout, stderr } = runMain(['--method', 'svi2020', file2018]);
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr).toMatch(/unknown method "svi2020"; expected one of svi2018, svi2022\nusage: npm run -s rank/);
  });

  it.each([[[file2018]], [['--method', 'svi2018']], [['--method', 'svi2018', file2018, file2018]], [['--verbose', '--method', 'svi2018', file2018]]])(
    'rejects a bad command line %j with exit 2',
    (argv) => {
      expect(runMain(argv).code).toBe(2);
    },
  );

  it('names file, row and column of missing columns, exit 1', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rank-'));
    const broken = path.join(dir, 'no-pov.csv');
    writeFileSync(broken, readFileSync(file2018, 'utf8').replace(',EP_POV,', ',EP_POVERTY,'));
    const { code, stdout, stderr } = runMain(['--method', 'svi2018', broken]);
    expect({ code, stdout }).toEqual({ code: 1, stdout: '' });
    expect(stderr).toBe(`error: ${broken}, row 1, column EP_POV: required column is missing from the header\n`);
  });

  it('names the columns a 2018 file lacks when ranked as 2022', () => {
    const { code, stderr } = runMain(['--method', 'svi2022', file2018]);
    expect(code).toBe(1);
    for (const column of ['EP_POV150', 'EP_HBURD']) expect(stderr).toContain(`row 1, column ${column}: required column is missing`);
  });
});
