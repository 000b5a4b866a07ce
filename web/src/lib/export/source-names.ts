import { m } from '../../paraglide/messages.js';
import { getLocale } from '../../paraglide/runtime.js';

type Locale = ReturnType<typeof getLocale>;

/**
 * Plain names of the API's source ids, for what people read (a CSV column, the PNG footer, the
 * report's source list). The publications' own names stay as published ("CDC PLACES 2022"); the
 * descriptive words around them follow the UI language (web/messages/table/*.json).
 */
type Message = (inputs?: Record<string, never>, options?: { locale?: Locale }) => string;

const NAMES: Readonly<Record<string, Message>> = {
  'places-zcta': m.table_source_places_zcta,
  'places-place': m.table_source_places_place,
  'places-county': m.table_source_places_county,
  'masschip-2010': m.table_source_masschip_2010,
  'masschip-2005-2008': m.table_source_masschip_2005_2008,
  'ej-blockgroups': m.table_source_ej_blockgroups,
  'acs-zcta-population': m.table_source_acs_zcta_population,
  hospitals: m.table_source_hospitals,
  'health-centers': m.table_source_health_centers,
  towns: m.table_source_towns,
  zctas: m.table_source_zctas,
};

/** A source's name in a given language (CSVs ask for English); an unknown id is shown as it is rather than hidden. */
export const sourceNameIn = (id: string, locale: Locale): string => (Object.hasOwn(NAMES, id) ? NAMES[id]!({}, { locale }) : id);

/** "CDC PLACES 2022 (ZIP code areas)" for "places-zcta", in the UI language. */
export const sourceName = (id: string): string => sourceNameIn(id, getLocale());
