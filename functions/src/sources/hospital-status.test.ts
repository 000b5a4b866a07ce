import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { readSource } from './source-manifest.js';
import { HOSPITALS_SPEC, parseFacilities, type Facility } from './facilities.js';
import { openFacilitiesAsOf, parseHospitalStatusChanges, type HospitalStatusChange } from './hospital-status.js';
import { problemsOf } from './source-test-support.js';

// The real staged files (sha256-checked): the 2018 layer and the curated closures that amend it.
const { dataDir } = loadConfig();
let hospitals: Facility[];
let csv: string;
let changes: HospitalStatusChange[];
const FILE = 'facilities/hospital_status_changes.csv';

beforeAll(() => {
  const layer = readSource(dataDir, 'hospitals');
  hospitals = parseFacilities(layer.bytes, layer.entry.path, HOSPITALS_SPEC);
  csv = readSource(dataDir, 'hospital-status-changes').bytes.toString();
  changes = parseHospitalStatusChanges(csv, FILE, hospitals);
});

const named = (list: readonly Facility[], name: string) => list.some((h) => h.name === name);

describe('hospital layer (2018) ids and beds', () => {
  it('carries DPHID and BEDCOUNT for all 75 hospitals; only Dana-Farber has 0 beds', () => {
    expect(hospitals).toHaveLength(75);
    expect(hospitals.every((h) => h.dphid !== undefined && /^\d+$/.test(h.dphid))).toBe(true);
    expect(hospitals.find((h) => h.name === 'Steward Nashoba Valley Medical Center')).toMatchObject({ dphid: '2298', beds: 77 });
    expect(hospitals.filter((h) => !h.beds).map((h) => h.name)).toEqual(['Dana-Farber Cancer Institute']);
    expect(hospitals.reduce((s, h) => s + (h.beds ?? 0), 0)).toBe(14963);
  });
});

describe('parseHospitalStatusChanges', () => {
  it('reads the three curated closures', () => {
    expect(changes.map((c) => [c.dphid, c.town, c.status, c.effectiveDate])).toEqual([
      ['2298', 'Ayer', 'closed', '2024-08-31'],
      ['2003', 'Boston', 'closed', '2024-08-31'],
      ['2114', 'Norwood', 'closed', '2020-06-29'],
    ]);
    expect(changes[0]!.sourceUrl).toMatch(/^https:\/\//);
  });

  it('rejects a DPHID that is not in the hospital layer, naming file, row and column', () => {
    const bad = csv.replace('\n2003,', '\n9999,');
    expect(problemsOf(() => parseHospitalStatusChanges(bad, FILE, hospitals))).toEqual([
      expect.objectContaining({ file: FILE, row: 3, column: 'dphid', message: expect.stringMatching(/not a DPHID of the 2018 hospital layer.*9999/) }),
    ]);
  });

  it('rejects an existing DPHID whose hospital has another name (a typo would close the wrong hospital)', () => {
    const bad = csv.replace('\n2003,', '\n2007,');
    expect(problemsOf(() => parseHospitalStatusChanges(bad, FILE, hospitals))).toEqual([
      expect.objectContaining({ row: 3, column: 'name', message: expect.stringMatching(/DPHID 2007 is "Northeast Hospital - Beverly Hospital Campus"/) }),
    ]);
  });

  it('rejects an unknown status, a non-calendar date, a missing column and a repeated hospital', () => {
    expect(problemsOf(() => parseHospitalStatusChanges(csv.replace('Ayer,closed,', 'Ayer,reopened,'), FILE, hospitals))).toEqual([
      expect.objectContaining({ row: 2, column: 'status' }),
    ]);
    expect(problemsOf(() => parseHospitalStatusChanges(csv.replace('2020-06-29', '2020-06-31'), FILE, hospitals))).toEqual([
      expect.objectContaining({ row: 4, column: 'effective_date', message: expect.stringMatching(/ISO date/) }),
    ]);
    expect(problemsOf(() => parseHospitalStatusChanges(csv.replace('effective_date', 'date'), FILE, hospitals))).toEqual([
      expect.objectContaining({ row: 1, column: 'effective_date', message: 'required column is missing from the header' }),
    ]);
    const repeated = `${csv.trimEnd()}\n${csv.split('\n')[1]}\n`;
    expect(problemsOf(() => parseHospitalStatusChanges(repeated, FILE, hospitals))).toEqual([
      expect.objectContaining({ row: 5, column: 'dphid', message: 'duplicate id "2298" (first at row 2)' }),
    ]);
  });
});

describe('openFacilitiesAsOf', () => {
  it('counts Nashoba Valley open the day before its closure and closed from that day', () => {
    const before = openFacilitiesAsOf(hospitals, changes, '2024-08-30');
    expect(named(before.open, 'Steward Nashoba Valley Medical Center')).toBe(true);
    expect(named(before.open, 'Steward Carney Hospital')).toBe(true);
    const on = openFacilitiesAsOf(hospitals, changes, '2024-08-31');
    expect(named(on.open, 'Steward Nashoba Valley Medical Center')).toBe(false);
    expect(on.closed.map((c) => c.facility.name).sort()).toEqual(['Steward Carney Hospital', 'Steward Nashoba Valley Medical Center', 'Steward Norwood Hospital']);
    expect(on.open).toHaveLength(72);
  });

  it('has Norwood closed as of 2021, and every hospital open as of the 2018 layer', () => {
    const in2021 = openFacilitiesAsOf(hospitals, changes, '2021-01-01');
    expect(in2021.closed).toEqual([expect.objectContaining({ facility: expect.objectContaining({ name: 'Steward Norwood Hospital' }), change: expect.objectContaining({ effectiveDate: '2020-06-29' }) })]);
    expect(openFacilitiesAsOf(hospitals, changes, '2018-12-26').open).toHaveLength(75);
  });

  it('rejects a malformed date and a change for a hospital it was not given', () => {
    expect(() => openFacilitiesAsOf(hospitals, changes, '2024-8-31')).toThrow(/asOf: expected an ISO date/);
    expect(() => openFacilitiesAsOf(hospitals.slice(0, 3), changes, '2024-08-31')).toThrow(/changes: DPHID 2298/);
  });
});
