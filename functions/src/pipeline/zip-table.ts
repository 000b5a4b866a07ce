import { readSource, type SourceEntry } from '../sources/source-manifest.js';
import { parseZipToZcta } from '../sources/zip-to-zcta.js';

/** What the API needs of the UDS Mapper ZIP → ZCTA table: published with each version (Lambda has no DATA_DIR). */
export interface ZipTableRow {
  zip: string;
  zcta: string;
  poName: string;
}

export function loadZipTable(dataDir: string, manifest?: SourceEntry[]): ZipTableRow[] {
  const source = readSource(dataDir, 'zip-to-zcta', manifest);
  return parseZipToZcta(source.bytes, source.entry.path).map(({ zip, zcta, poName }) => ({ zip, zcta, poName }));
}
