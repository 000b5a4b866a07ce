import type { PlaceRecord, VersionMeta } from '../indices/place-record.js';
import type { RankSensitivity } from '../indices/sensitivity.js';
import { spearman } from '../indices/spearman.js';

/**
 * The face-validity and before/after figures of docs/method.md, computed from
 * published versions (so anyone can regenerate them from their own store):
 * how the overall index correlates with income, poverty and EJ share, which
 * towns lead and trail and what drives them, and what changed from the
 * previous method. Pure: returns Markdown.
 */
export interface VersionData {
  meta: VersionMeta;
  town: PlaceRecord[];
  zcta: PlaceRecord[];
  /** The version's town rank sensitivity, when it has one (1.1 on). */
  townSensitivity?: RankSensitivity | null;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? null : s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** How robust the town ranks are, and how much the out-of-state hospital gap could move border towns. */
function robustness(v: VersionData): string[] {
  const sens = v.townSensitivity;
  if (!sens) return [];
  const ranked = sens.items.filter((i) => i.rank !== null);
  const spans = ranked.map((i) => i.rankMax! - i.rankMin!);
  const top = ranked.filter((i) => i.rank! <= Math.ceil(0.1 * ranked.length));
  const lines = [
    `Over ${sens.scenarios.length - 1} leave-one-out scenarios and ${sens.draws} random domain weightings, the median town's rank range (worst − best) is ${median(spans)} places; ` +
      `of the ${top.length} towns in the top decile, ${top.filter((i) => i.topDecileShare! >= 0.9).length} stay there in at least 90 % of scenarios and ${top.filter((i) => i.topDecileShare! < 0.5).length} in fewer than half.`,
  ];
  const border = new Set(v.meta.outOfStateLimitedTowns ?? []);
  if (border.size > 0) {
    const without = (id: string) => sens.scenarios.findIndex((s) => s.id === `without-indicator:${id}`);
    const shifts = ['hospital_distance', 'hospital_bed_access'].map((id) => {
      const k = without(id);
      const moves = k < 0 ? [] : ranked.filter((i) => border.has(i.id) && i.ranksByScenario[k] !== null).map((i) => i.rank! - i.ranksByScenario[k]!);
      return { id, moves };
    });
    lines.push(
      '',
      `Out-of-state hospitals: ${border.size} towns are nearer the state line than any open Massachusetts hospital (listed per version in \`outOfStateLimitedTowns\`). ` +
        shifts.map(({ id, moves }, i) => `${i === 0 ? 'Leaving' : 'leaving'} \`${id}\` out moves their ranks by a median of ${median(moves.map(Math.abs))} places (at most ${Math.max(0, ...moves.map(Math.abs))}; ${moves.filter((m) => m < 0).length} of ${moves.length} rank as less disadvantaged without it)`).join('; ') +
        '. That gives the scale of what the missing hospitals could change; it is not a bound (a nearer hospital would shorten their distance, not remove the indicator).',
    );
  }
  return lines;
}

const fmt = (x: number | null, digits = 2) => (x === null ? '—' : x.toFixed(digits));
const value = (p: PlaceRecord, id: string) => p.indicators[id]?.value ?? null;

function correlations(v: VersionData): string[] {
  const lines = ['| level | versus | Spearman ρ | places |', '|---|---|---|---|'];
  for (const level of ['town', 'zcta'] as const) {
    const places = v[level].filter((p) => p.percentile !== null);
    for (const [id, label] of [['median_household_income', 'median household income'], ['poverty_200', 'share below 200 % of poverty'], ['ej_population_share', 'share in EJ block groups'], ['minority_share', 'share of residents of color']] as const) {
      const { rho, n } = spearman(places.map((p) => p.percentile), places.map((p) => value(p, id)));
      lines.push(`| ${level} | ${label} | ${fmt(rho)} | ${n} |`);
    }
  }
  return lines;
}

/** The indicators that put a place where it is: its highest direction-adjusted percentiles. */
function drivers(p: PlaceRecord, meta: VersionMeta, n = 3): string {
  return meta.indicators
    .filter((i) => i.ranked !== false && p.indicators[i.id]?.percentile != null)
    .sort((a, b) => p.indicators[b.id]!.percentile! - p.indicators[a.id]!.percentile!)
    .slice(0, n)
    .map((i) => `${i.id} ${Math.round(p.indicators[i.id]!.percentile! * 100)}`)
    .join(', ');
}

function leaders(v: VersionData, before: VersionData | null, from: 'top' | 'bottom', n: number): string[] {
  const ranked = v.town.filter((p) => p.rank !== null).sort((a, b) => a.rank! - b.rank!);
  const picked = from === 'top' ? ranked.slice(0, n) : ranked.slice(-n);
  const old = new Map(before?.town.map((p) => [p.id, p.rank]) ?? []);
  const lines = [`| rank | town | percentile | residents | rank ${before ? before.meta.method.id : ''} | highest indicator percentiles |`, '|---|---|---|---|---|---|'];
  for (const p of picked) lines.push(`| ${p.rank} | ${p.name} | ${fmt(p.percentile, 1)} | ${p.population?.toLocaleString('en-US') ?? '—'} | ${old.get(p.id) ?? '—'} | ${drivers(p, v.meta)} |`);
  return lines;
}

function changes(v: VersionData, before: VersionData): string[] {
  const lines: string[] = [];
  const old = new Map(before.town.map((p) => [p.id, p]));
  const both = v.town.filter((p) => p.rank !== null && old.get(p.id)?.rank != null);
  const { rho } = spearman(both.map((p) => p.rank), both.map((p) => old.get(p.id)!.rank));
  lines.push(`Towns ranked in both: ${both.length}; Spearman ρ of the two rankings: ${fmt(rho, 3)}.`, '');
  lines.push(`| indicator | towns with a value (${before.meta.method.id} → ${v.meta.method.id}) | ZCTAs with a value | towns flagged |`, '|---|---|---|---|');
  const count = (places: PlaceRecord[], id: string, pick: (p: PlaceRecord) => boolean) => places.filter((p) => p.indicators[id] !== undefined && pick(p)).length;
  const ids = [...new Set([...before.meta.indicators.map((i) => i.id), ...v.meta.indicators.map((i) => i.id)])];
  for (const id of ids) {
    const has = (p: PlaceRecord) => p.indicators[id]?.value != null;
    const flagged = (p: PlaceRecord) => p.indicators[id]?.flagged === true;
    lines.push(`| \`${id}\` | ${count(before.town, id, has)} → ${count(v.town, id, has)} | ${count(before.zcta, id, has)} → ${count(v.zcta, id, has)} | ${count(before.town, id, flagged)} → ${count(v.town, id, flagged)} |`);
  }
  const moved = both.map((p) => ({ p, from: old.get(p.id)!.rank!, to: p.rank! })).sort((a, b) => Math.abs(b.to - b.from) - Math.abs(a.to - a.from)).slice(0, 12);
  lines.push('', `| town | rank ${before.meta.method.id} | rank ${v.meta.method.id} | highest indicator percentiles now |`, '|---|---|---|---|');
  for (const m of moved) lines.push(`| ${m.p.name} | ${m.from} | ${m.to} | ${drivers(m.p, v.meta)} |`);
  const unranked = v.town.filter((p) => p.ranked === false).map((p) => p.name);
  lines.push('', `Towns no longer ranked (fewer than ${v.meta.method.minRankPopulation ?? 0} residents): ${unranked.join(', ') || 'none'}; ZCTAs: ${v.zcta.filter((p) => p.ranked === false).length}.`);
  return lines;
}

export function methodReport(current: VersionData, before: VersionData | null): string {
  const out = [`## Face validity of ${current.meta.method.id} (version ${current.meta.version})`, '', ...correlations(current), '', '### Top 20 towns', '', ...leaders(current, before, 'top', 20), '', '### Bottom 10 towns', '', ...leaders(current, before, 'bottom', 10), '', '### Robustness', '', ...robustness(current)];
  if (before) out.push('', `## ${before.meta.method.id} → ${current.meta.method.id} (version ${before.meta.version} → ${current.meta.version})`, '', ...changes(current, before));
  return `${out.join('\n')}\n`;
}
