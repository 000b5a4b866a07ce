#!/usr/bin/env node
// npm run -s rank -- --method svi2018|svi2022 FILE
// Re-rank a CDC/ATSDR SVI CSV within the rows given and print
// FIPS,RPL_THEME1,RPL_THEME2,RPL_THEME3,RPL_THEME4,RPL_THEMES (docs/svi-reproduction.md).
import { existsSync, statSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { computeSvi } from '../indices/svi.js';
import { formatSviValue } from '../indices/svi-format.js';
import { SVI_METHOD_IDS, sviMethod, sviVariables, type SviMethod } from '../indices/svi-methods.js';
import { loadSviCounty } from '../sources/svi-county.js';
import { failAndExit } from './fail.js';
import { formatProblem, SourceValidationError } from '../sources/source-problem.js';

export const RANK_HEADER = ['FIPS', 'RPL_THEME1', 'RPL_THEME2', 'RPL_THEME3', 'RPL_THEME4', 'RPL_THEMES'] as const;

const USAGE = `usage: npm run -s rank -- --method ${SVI_METHOD_IDS.join('|')} FILE`;

export interface RankIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** Exit codes: 0 ok, 1 unreadable or invalid input file, 2 bad command line. */
export function main(argv: readonly string[], io: RankIo): number {
  const args = parseArgs(argv);
  if ('error' in args) {
    io.stderr(`error: ${args.error}\n${USAGE}\n`);
    return 2;
  }
  const { method, file } = args;
  if (!existsSync(file) || !statSync(file).isFile()) {
    io.stderr(`error: ${file}: no such file\n`);
    return 1;
  }
  try {
    io.stdout(rankCsv(file, method));
    return 0;
  } catch (err) {
    if (!(err instanceof SourceValidationError)) throw err;
    io.stderr(err.problems.map((p) => `error: ${formatProblem(p)}\n`).join(''));
    return 1;
  }
}

/** Rank one file and return the output CSV (header + one line per row, in input order). */
export function rankCsv(file: string, method: SviMethod): string {
  const rows = loadSviCounty(file, sviVariables(method).map((v) => v.id));
  const scores = computeSvi(rows, method);
  const lines = rows.map((row, i) => {
    const s = scores[i]!;
    return [row.fips, ...[...s.rplTheme, s.rplThemes].map(formatSviValue)].join(',');
  });
  return [RANK_HEADER.join(','), ...lines].join('\n') + '\n';
}

function parseArgs(argv: readonly string[]): { method: SviMethod; file: string } | { error: string } {
  let methodId: string | undefined;
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--method') {
      methodId = argv[++i];
      if (methodId === undefined) return { error: '--method needs a value' };
    } else if (arg.startsWith('--method=')) methodId = arg.slice('--method='.length);
    else if (arg.startsWith('-')) return { error: `unknown option "${arg}"` };
    else files.push(arg);
  }
  if (methodId === undefined) return { error: '--method is required' };
  if (!(SVI_METHOD_IDS as string[]).includes(methodId)) {
    return { error: `unknown method "${methodId}"; expected one of ${SVI_METHOD_IDS.join(', ')}` };
  }
  if (files.length !== 1) return { error: files.length === 0 ? 'FILE is required' : `expected one FILE, got ${files.length}` };
  return { method: sviMethod(methodId), file: files[0]! };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  // `… | head` closes stdout early; that is not an error.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => (err.code === 'EPIPE' ? process.exit(0) : failAndExit(err)));
  try {
    process.exitCode = main(process.argv.slice(2), {
      stdout: (text) => process.stdout.write(text),
      stderr: (text) => process.stderr.write(text),
    });
  } catch (err) {
    failAndExit(err);
  }
}
