import { fetchGeometry, fetchInvestments, fetchLayers, fetchNeedInvestment, fetchPriorityGeographies, fetchSensitivity, fetchZctaTownCrosswalk, type CrosswalkRow, type Geometry, type Investment, type Level, type MeasureTable, type NeedInvestment, type PriorityGeographies, type Sensitivity } from '../api';
import { methodHasSensitivity } from '../profile/rank-line';
import { m } from '../../paraglide/messages.js';

/** A level's outlines and its index table, loaded together. */
export interface LevelData {
  geometry: Geometry;
  table: MeasureTable;
}

/** What failed to load, as the error line names it. */
const LEVEL_LOAD: Record<Level, () => string> = { town: m.common_load_town, zcta: m.common_load_zcta };

/**
 * Everything the map page fetches, each piece once: per-level data (cached, so toggling back is
 * instant), then the side data. The choropleth comes first: overlays and side panels load once it has
 * rendered (or after a few seconds if the map cannot render), so on a small machine they do not
 * compete with its first frame. A failure becomes one error line and the rest of the page still works.
 */
export class AppData {
  levels = $state.raw<Partial<Record<Level, LevelData>>>({});
  priority = $state.raw<PriorityGeographies | null>(null);
  investments = $state.raw<Investment[]>([]);
  need = $state.raw<NeedInvestment | null>(null);
  /** ZIP codes relate to priority geographies through the population crosswalk: loaded when first needed. */
  crosswalk = $state.raw<CrosswalkRow[] | null>(null);
  /** Rank sensitivity per `level|version`; null = none (a version of method 1.0 is not asked, a 404 is none). */
  sensitivity = $state.raw<Record<string, Sensitivity | null>>({});
  errors = $state<string[]>([]);
  /** The side data has been asked for (the first choropleth rendered, or the wait ran out). */
  secondaryLoaded = $state(false);

  readonly #firstLevel: Level;
  readonly #loading = new Set<Level>();
  readonly #sensitivityAsked = new Set<string>();
  #crosswalkAsked = false;

  constructor(firstLevel: Level) {
    this.#firstLevel = firstLevel;
    this.loadLevel(firstLevel);
  }

  #fail = (what: string) => (e: Error) => {
    const message = m.common_load_error({ what, message: e.message });
    if (!this.errors.includes(message)) this.errors = [...this.errors, message];
  };

  loadLevel(level: Level): Promise<void> {
    if (this.levels[level] || this.#loading.has(level)) return Promise.resolve();
    this.#loading.add(level);
    return Promise.all([fetchGeometry(level), fetchLayers(level)])
      .then(([geometry, table]) => {
        this.levels = { ...this.levels, [level]: { geometry, table } };
      })
      .catch(this.#fail(LEVEL_LOAD[level]()))
      .finally(() => this.#loading.delete(level));
  }

  /** Overlays and side panels: once, after the first choropleth. */
  loadSecondary(): void {
    if (this.secondaryLoaded) return;
    this.secondaryLoaded = true;
    if (this.#firstLevel !== 'town') this.loadLevel('town'); // investment symbols sit on town label points
    fetchPriorityGeographies().then((p) => (this.priority = p), this.#fail(m.common_load_priority()));
    fetchInvestments().then((i) => (this.investments = i), this.#fail(m.common_load_investments()));
    fetchNeedInvestment().then((n) => (this.need = n), this.#fail(m.common_load_need()));
  }

  loadCrosswalk(): void {
    if (this.#crosswalkAsked) return;
    this.#crosswalkAsked = true;
    fetchZctaTownCrosswalk().then((rows) => (this.crosswalk = rows), this.#fail(m.common_load_crosswalk()));
  }

  /** Side data too: only after the first choropleth, once per level and version, for methods that have it. */
  loadSensitivity(level: Level, table: MeasureTable): void {
    const key = sensitivityKey(level, table);
    if (!this.secondaryLoaded || this.#sensitivityAsked.has(key) || !methodHasSensitivity(table.method)) return;
    this.#sensitivityAsked.add(key);
    fetchSensitivity(level).then((s) => (this.sensitivity = { ...this.sensitivity, [key]: s }), this.#fail(m.common_load_sensitivity()));
  }

  sensitivityOf(level: Level, table: MeasureTable): Sensitivity | null {
    return this.sensitivity[sensitivityKey(level, table)] ?? null;
  }
}

const sensitivityKey = (level: Level, table: MeasureTable) => `${level}|${table.version}`;
