/**
 * The indicator registry's words in the UI's language, keyed by id (issue 16): indicator labels and
 * units, domain names, and the API's no-data reasons. The API answers in English; the catalogue
 * (web/messages/registry/<lang>.json) holds the same words in every language, and a test checks
 * that its English entries match data/indicators.json so the two cannot drift.
 *
 * Components never translate these ad hoc: they call these functions with the id and the API's
 * English text, which is also the fallback for an id this build does not know (a newer server).
 *
 * Every lookup is a static property of `m` (never `m[key]`), so the bundler keeps only these
 * messages and the first-load bundle does not carry the whole catalogue.
 */
import { m } from '../../paraglide/messages.js';
import { getLocale } from '../../paraglide/runtime.js';

export type RegistryLocale = ReturnType<typeof getLocale>;
type Message = (inputs?: Record<string, never>, options?: { locale?: RegistryLocale }) => string;
type Lookup = Readonly<Record<string, Message>>;

const LABELS: Lookup = {
  obesity: m.indicator_obesity,
  smoking: m.indicator_smoking,
  short_sleep: m.indicator_short_sleep,
  mental_distress: m.indicator_mental_distress,
  binge_drinking: m.indicator_binge_drinking,
  diabetes: m.indicator_diabetes,
  high_blood_pressure: m.indicator_high_blood_pressure,
  coronary_heart_disease: m.indicator_coronary_heart_disease,
  stroke: m.indicator_stroke,
  physical_inactivity: m.indicator_physical_inactivity,
  cvd_death_rate: m.indicator_cvd_death_rate,
  all_cause_death_rate: m.indicator_all_cause_death_rate,
  angina_discharges: m.indicator_angina_discharges,
  low_birth_weight: m.indicator_low_birth_weight,
  teen_births: m.indicator_teen_births,
  infant_mortality: m.indicator_infant_mortality,
  adequate_prenatal_care: m.indicator_adequate_prenatal_care,
  public_prenatal_care: m.indicator_public_prenatal_care,
  late_prenatal_care: m.indicator_late_prenatal_care,
  ej_population_share: m.indicator_ej_population_share,
  minority_share: m.indicator_minority_share,
  limited_english: m.indicator_limited_english,
  median_household_income: m.indicator_median_household_income,
  poverty_200: m.indicator_poverty_200,
  unemployment: m.indicator_unemployment,
  uninsured: m.indicator_uninsured,
  pneumonia_discharges: m.indicator_pneumonia_discharges,
  hospital_distance: m.indicator_hospital_distance,
  hospital_bed_access: m.indicator_hospital_bed_access,
  health_center_distance: m.indicator_health_center_distance,
};
const UNITS: Lookup = {
  obesity: m.indicator_obesity_unit,
  smoking: m.indicator_smoking_unit,
  short_sleep: m.indicator_short_sleep_unit,
  mental_distress: m.indicator_mental_distress_unit,
  binge_drinking: m.indicator_binge_drinking_unit,
  diabetes: m.indicator_diabetes_unit,
  high_blood_pressure: m.indicator_high_blood_pressure_unit,
  coronary_heart_disease: m.indicator_coronary_heart_disease_unit,
  stroke: m.indicator_stroke_unit,
  physical_inactivity: m.indicator_physical_inactivity_unit,
  cvd_death_rate: m.indicator_cvd_death_rate_unit,
  all_cause_death_rate: m.indicator_all_cause_death_rate_unit,
  angina_discharges: m.indicator_angina_discharges_unit,
  low_birth_weight: m.indicator_low_birth_weight_unit,
  teen_births: m.indicator_teen_births_unit,
  infant_mortality: m.indicator_infant_mortality_unit,
  adequate_prenatal_care: m.indicator_adequate_prenatal_care_unit,
  public_prenatal_care: m.indicator_public_prenatal_care_unit,
  late_prenatal_care: m.indicator_late_prenatal_care_unit,
  ej_population_share: m.indicator_ej_population_share_unit,
  minority_share: m.indicator_minority_share_unit,
  limited_english: m.indicator_limited_english_unit,
  median_household_income: m.indicator_median_household_income_unit,
  poverty_200: m.indicator_poverty_200_unit,
  unemployment: m.indicator_unemployment_unit,
  uninsured: m.indicator_uninsured_unit,
  pneumonia_discharges: m.indicator_pneumonia_discharges_unit,
  hospital_distance: m.indicator_hospital_distance_unit,
  hospital_bed_access: m.indicator_hospital_bed_access_unit,
  health_center_distance: m.indicator_health_center_distance_unit,
};
/** Why an indicator is context only (`contextReason` in data/indicators.json), for those that have one. */
const CONTEXTS: Lookup = {
  angina_discharges: m.indicator_angina_discharges_context,
  health_center_distance: m.indicator_health_center_distance_context,
};
const DOMAINS: Lookup = {
  cardiometabolic: m.domain_cardiometabolic,
  maternal_perinatal: m.domain_maternal_perinatal,
  social_drivers: m.domain_social_drivers,
  access_to_care: m.domain_access_to_care,
};

const lookUp = (table: Lookup, id: string, english: string, locale: RegistryLocale = getLocale()): string =>
  Object.hasOwn(table, id) ? table[id]!({}, { locale }) : english;

/** An indicator's label ("Adult obesity (crude)"). */
export function indicatorLabel(id: string, english: string): string {
  return lookUp(LABELS, id, english);
}

/** An indicator's unit as a reader sees it ("% of adults (crude prevalence)"). */
export function indicatorUnit(id: string, english: string): string {
  return lookUp(UNITS, id, english);
}

/** Why an indicator is shown for context only, not ranked (the API's `contextReason`). */
export function indicatorContext(id: string, english: string): string {
  return lookUp(CONTEXTS, id, english);
}

/** A domain's name ("Cardiometabolic"). */
export function domainLabel(id: string, english: string): string {
  return lookUp(DOMAINS, id, english);
}

/*
 * The API's reasons are English sentences composed from templates (functions/src/indices/
 * compute-index.ts, rank-eligibility.ts, member-basis.ts, place-history.ts, small-numbers.ts,
 * functions/src/pipeline/assemble-indicators.ts, masschip-values.ts, priority-geographies-stage.ts,
 * the suppressedReason texts of data/indicators.json and functions/src/api/measure-table.ts).
 * Each pattern below matches one template; its captures (numbers, years, ranges, count labels,
 * place names) go into a `reason_*` message as printed. The English message rebuilds the sentence
 * exactly (a test checks), so a template the API changes stops matching and shows in English
 * instead of showing a wrong translation.
 */
type Options = { locale: RegistryLocale };
type Rule = readonly [RegExp, (g: readonly string[], o: Options) => string | null];

/** "22nd" in English, "22" in Spanish ("ocupa el puesto 22"). */
const ordinal = (n: string, suffix: string, o: Options) => (o.locale === 'en' ? `${n}${suffix}` : n);

/** A member's standing on the index, as member-basis.ts says it after "because it" / "; ". */
function standing(english: string, o: Options): string | null {
  if (english === m.reason_standing_none({}, { locale: 'en' })) return m.reason_standing_none({}, o);
  const r = /^ranks (\d+)(st|nd|rd|th) most disadvantaged on the overall index \(percentile ([\d.]+)\)$/.exec(english);
  return r ? m.reason_standing_rank({ ordinal: ordinal(r[1]!, r[2]!, o), percentile: r[3]! }, o) : null;
}

/** A town's standing as the derivation's own reasons say it (priority-derivation.ts; the `reasons` lines). */
function derivationStanding(english: string, o: Options): string | null {
  if (english === m.reason_derivation_standing_none({}, { locale: 'en' })) return m.reason_derivation_standing_none({}, o);
  const r = /^overall index rank (\d+) of (\d+) \(percentile ([\d.]+)\), (\d+) flagged indicators?$/.exec(english);
  if (!r) return null;
  const inputs = { rank: r[1]!, of: r[2]!, percentile: r[3]!, flags: r[4]! };
  return r[4] === '1' ? m.reason_derivation_standing_rank_one(inputs, o) : m.reason_derivation_standing_rank(inputs, o);
}

const withDerivationStanding = (text: string, o: Options, make: (s: string) => string): string | null => {
  const s = derivationStanding(text, o);
  return s === null ? null : make(s);
};

/** Names as member-basis.ts joins them ("A, B and C"), joined the language's way. */
const names = (english: string, o: Options) => (o.locale === 'es' ? english.replace(/ and (?!.* and )/, ' y ') : english);

const withStanding = (text: string, o: Options, make: (s: string) => string): string | null => {
  const s = standing(text, o);
  return s === null ? null : make(s);
};

const RULES: readonly Rule[] = [
  [/^Not available for municipalities in the staged sources\.$/, (_, o) => m.reason_not_available_towns({}, o)],
  [/^Not available for ZIP codes in the staged sources\.$/, (_, o) => m.reason_not_available_zctas({}, o)],
  [/^No value for this place: suppressed by the publisher \(small numbers\), not covered by the source, or too little of the area covered by places with data\.$/, (_, o) => m.reason_no_value_generic({}, o)],
  [/^No municipalities with a published value overlaps this ZCTA\.$/, (_, o) => m.reason_no_overlap_towns_zcta({}, o)],
  [/^No ZCTAs with a published value overlaps this municipality\.$/, (_, o) => m.reason_no_overlap_zctas_town({}, o)],
  [/^No Census places \(cities and CDPs\) with a published value overlaps this municipality\.$/, (_, o) => m.reason_no_overlap_places_town({}, o)],
  [/^Municipalities with data hold only (\d+) % of this ZCTA's residents; the method needs (\d+) %\.$/, (g, o) => m.reason_coverage_towns_zcta({ share: g[1]!, needed: g[2]! }, o)],
  [/^ZCTAs with data hold only (\d+) % of this municipality's residents; the method needs (\d+) %\.$/, (g, o) => m.reason_coverage_zctas_town({ share: g[1]!, needed: g[2]! }, o)],
  [/^Census places \(cities and CDPs\) with data hold only (\d+) % of this municipality's residents; the method needs (\d+) %\.$/, (g, o) => m.reason_coverage_places_town({ share: g[1]!, needed: g[2]! }, o)],
  [/^No Census place \(city or CDP\) in this municipality: PLACES place estimates do not cover it\.$/, (_, o) => m.reason_no_census_place({}, o)],
  [/^CDC PLACES publishes no estimate for this place\.$/, (_, o) => m.reason_places_no_estimate_place({}, o)],
  [/^CDC PLACES publishes no age-adjusted estimate for this place\.$/, (_, o) => m.reason_places_no_adjusted_estimate_place({}, o)],
  [/^CDC PLACES publishes no estimate for this ZCTA \(not in its (\d{4}) ZCTA file\)\.$/, (g, o) => m.reason_places_no_estimate_zcta({ year: g[1]! }, o)],
  [/^The ACS ([\d–-]+) median household income is not published for this municipality \(too few sample households\)\.$/, (g, o) => m.reason_income_not_published({ period: g[1]! }, o)],
  [/^Suppressed by MA DPH \(small numbers\) or not published for this town\.$/, (_, o) => m.reason_dph_small_numbers_town({}, o)],
  [/^Suppressed by MA DPH \(small numbers\)\.$/, (_, o) => m.reason_dph_small_numbers({}, o)],
  [/^Suppressed by MA DPH: ([\d–-]+) deaths in ([\d–-]+)\.$/, (g, o) => m.reason_dph_deaths({ range: g[1]!, period: g[2]! }, o)],
  [/^Suppressed by MA DPH: ([\d–-]+) discharges in ([\d–-]+) \(left-censored; never read as (\d+)\)\.$/, (g, o) => m.reason_dph_discharges({ range: g[1]!, period: g[2]!, zero: g[3]! }, o)],
  [/^Suppressed by MA DPH: ([\d–-]+) low-weight births in ([\d–-]+)\.$/, (g, o) => m.reason_dph_low_weight_births({ range: g[1]!, period: g[2]! }, o)],
  [/^Suppressed by MA DPH: ([\d–-]+) births to adolescent mothers in ([\d–-]+)\.$/, (g, o) => m.reason_dph_teen_births({ range: g[1]!, period: g[2]! }, o)],
  [/^Suppressed by MA DPH: fewer than ([\d,]+) births in ([\d–-]+)\.$/, (g, o) => m.reason_dph_fewer_births({ count: g[1]!, period: g[2]! }, o)],
  [/^Suppressed by MA DPH: ([\d–-]+) mothers in the count\.$/, (g, o) => m.reason_dph_mothers_in_count({ range: g[1]! }, o)],
  [/^Suppressed by MA DPH: ([\d–-]+) mothers with publicly financed care in ([\d–-]+)\.$/, (g, o) => m.reason_dph_mothers_public({ range: g[1]!, period: g[2]! }, o)],
  [/^Suppressed by MA DPH: ([\d–-]+) mothers in ([\d–-]+)\.$/, (g, o) => m.reason_dph_mothers({ range: g[1]!, period: g[2]! }, o)],
  [/^Suppressed by MA DPH: fewer than ([\d,]+) births in ([\d–-]+) \(about ([\d,]+)\); the file prints (\d+), which is not a rate\.$/, (g, o) => m.reason_dph_infant_births({ count: g[1]!, period: g[2]!, about: g[3]!, zero: g[4]! }, o)],
  [/^No residents in ([\d–-]+): a rate over nobody is undefined\.$/, (g, o) => m.reason_no_residents({ period: g[1]! }, o)],
  [/^No births in ([\d–-]+): a share or rate of no births is undefined, not (\d+)\.$/, (g, o) => m.reason_no_births({ period: g[1]!, zero: g[2]! }, o)],
  [/^Fewer than ([\d,]+) births in ([\d–-]+) \(MA DPH suppresses counts of ([\d–-]+)\): too few for a stable share\.$/, (g, o) => m.reason_fewer_births_unstable({ count: g[1]!, period: g[2]!, range: g[3]! }, o)],
  [
    /^Too small for this source: the publisher suppresses ([\d–-]+) events but prints (\d+), so a printed value is only evidence where about ([\d.,]+) or more events are expected at the state rate; here ([\d.,]+) were\.$/,
    (g, o) => m.reason_too_small_source({ range: g[1]!, zero: g[2]!, min: g[3]!, expected: g[4]! }, o),
  ],
  [/^Not ranked: (.+)$/s, (g, o) => {
    const inner = translate(g[1]!, o);
    return inner === null ? null : m.reason_not_ranked({ inner }, o);
  }],
  [/^no (.+?) population count for this place; places need at least ([\d,]+) residents to be ranked\.$/, (g, o) => m.reason_unranked_no_count({ count: g[1]!, min: g[2]! }, o)],
  [/^([\d,]+) residents \((.+?)\); places need at least ([\d,]+) to be ranked, as rates and shares from so few people are too unstable to compare\.$/, (g, o) => m.reason_unranked_small({ population: g[1]!, count: g[2]!, min: g[3]! }, o)],
  [/^No indicator of this domain is available at this geographic level\.$/, (_, o) => m.reason_domain_not_at_level({}, o)],
  [/^Only (\d+) of (\d+) indicators have data \(the method needs at least (\d+)\)\.$/, (g, o) => m.reason_domain_too_few_indicators({ count: g[1]!, total: g[2]!, min: g[3]! }, o)],
  [/^Too few domains have data for an overall score \(see each domain\)\.$/, (_, o) => m.reason_overall_too_few_domains({}, o)],
  [/^No overall score\.$/, (_, o) => m.reason_no_overall_score({}, o)],
  [/^No domain score\.$/, (_, o) => m.reason_no_domain_score({}, o)],
  [/^No municipality with id "([^"]+)" in this version\.$/, (g, o) => m.reason_history_absent_town({ id: g[1]! }, o)],
  [/^No ZIP code area \(ZCTA\) with id "([^"]+)" in this version\.$/, (g, o) => m.reason_history_absent_zcta({ id: g[1]! }, o)],
  [/^Announced AHEM community; (.+)\.$/, (g, o) => withStanding(g[1]!, o, (s) => m.reason_member_announced({ standing: s }, o))],
  [/^Listed by hand in the priority-geography settings, not an announced AHEM community; (.+)\.$/, (g, o) => withStanding(g[1]!, o, (s) => m.reason_member_listed({ standing: s }, o))],
  [/^Not an announced AHEM community: added by the index’s rule because it (.+) and borders no other priority geography, so it starts this one\.$/, (g, o) => withStanding(g[1]!, o, (s) => m.reason_member_seed({ standing: s }, o))],
  [/^Not an announced AHEM community: added by the index’s rule because it borders this geography and (.+)\.$/, (g, o) => withStanding(g[1]!, o, (s) => m.reason_member_borders_geography({ standing: s }, o))],
  [
    /^Not an announced AHEM community: added by the index’s rule because it borders (.+) and (has no overall index score|ranks .+)\.$/,
    (g, o) => withStanding(g[2]!, o, (s) => m.reason_member_borders({ names: names(g[1]!, o), standing: s }, o)),
  ],
  [/^Confirmed AHEM community \((.+?)\); (.+)\.$/, (g, o) => withDerivationStanding(g[2]!, o, (s) => m.reason_derivation_confirmed_url({ url: g[1]!, standing: s }, o))],
  [/^Confirmed AHEM community; (.+)\.$/, (g, o) => withDerivationStanding(g[1]!, o, (s) => m.reason_derivation_confirmed({ standing: s }, o))],
  [/^Listed in data\/priority-geographies\.json; (.+)\.$/, (g, o) => withDerivationStanding(g[1]!, o, (s) => m.reason_derivation_listed({ standing: s }, o))],
  [
    /^Shares a boundary with (.+) \((.+?)\); (overall index rank .+|no overall index \(no data\)); the best-ranked remaining town bordering a geography with room\.$/,
    (g, o) => withDerivationStanding(g[3]!, o, (s) => m.reason_derivation_adjacent({ names: g[1]!, geography: g[2]!, standing: s }, o)),
  ],
  [/^Best-ranked remaining town bordering no priority geography: seeds this derived geography; (.+)\.$/, (g, o) => withDerivationStanding(g[1]!, o, (s) => m.reason_derivation_seed({ standing: s }, o))],
  // An announced member's standing alone, as the priority list shows it after "Announced AHEM community; ".
  [/^Has no overall index score$/, (_, o) => m.reason_standing_none_alone({}, o)],
  [/^Ranks (\d+)(st|nd|rd|th) most disadvantaged on the overall index \(percentile ([\d.]+)\)$/, (g, o) => m.reason_standing_rank_alone({ ordinal: ordinal(g[1]!, g[2]!, o), percentile: g[3]! }, o)],
  [
    /^Configured geographies are kept \(confirmed AHEM communities named after themselves\)\. Towns at or above percentile ([\d.]+) of the overall index are taken in rank order: a town bordering a geography with fewer than (\d+) members joins the smallest such geography \(while fewer than (\d+) towns are members\); a town bordering none seeds a derived geography \(while fewer than (\d+) exist\)\. docs\/method\.md, "Priority geographies"\.$/,
    (g, o) => m.reason_priority_rule({ percentile: g[1]!, members: g[2]!, towns: g[3]!, geographies: g[4]! }, o),
  ],
];

/** The sentence in the locale's words, or null when no template matches it (all of it, nested parts included). */
function translate(english: string, o: Options): string | null {
  for (const [pattern, make] of RULES) {
    const g = pattern.exec(english);
    if (g) return make(g, o);
  }
  return null;
}

/** A reason in a given language; a sentence no template matches comes back unchanged (in English). */
export function reasonIn(english: string, locale: RegistryLocale): string {
  return translate(english, { locale }) ?? english;
}

/** Does a template match this sentence (and every part nested in it)? For tests and checks. */
export function reasonKnown(english: string): boolean {
  return translate(english, { locale: 'en' }) !== null;
}

/**
 * A no-data (or not-ranked) reason the API gives for a value, a domain or a place; also a priority
 * geography's member reason and its rule text. Numbers, years and names inside stay as printed.
 */
export function reasonText(english: string): string {
  return reasonIn(english, getLocale());
}
