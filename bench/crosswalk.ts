/**
 * ZCTA × town overlay benchmark (issue 7, goal: uncached overlay ≈ 2–3 s on this 2-core machine,
 * no slower than GeoPandas). Times parsing, the uncached geos-wasm overlay used by the pipeline,
 * and — in the same process, on the same flatbush bbox-candidate pairs — @turf/intersect + @turf/area
 * as the baseline. Turf takes ≈ 96 s for all pairs, so by default it runs every 8th candidate pair and
 * extrapolates; pass --full-turf to run them all. Also reports the largest fraction difference between
 * the two on the pairs Turf ran.
 *
 *   npm run bench:crosswalk [-- --full-turf]
 */
import Flatbush from 'flatbush';
import turfArea from '@turf/area';
import turfBbox from '@turf/bbox';
import intersect from '@turf/intersect';
import { feature, featureCollection } from '@turf/helpers';
import { loadConfig } from '../functions/src/config.js';
import { readSource } from '../functions/src/sources/source-manifest.js';
import { parseTowns } from '../functions/src/sources/towns.js';
import { parseZctas } from '../functions/src/sources/zctas.js';
import { parseBlockGroups } from '../functions/src/sources/block-groups.js';
import { loadGeos } from '../functions/src/geo/geos-kernel.js';
import { areaCrosswalk } from '../functions/src/geo/zcta-town-crosswalk.js';
import { blockGroupOverlay } from '../functions/src/geo/block-group-overlay.js';

const fullTurf = process.argv.includes('--full-turf');
const STRIDE = fullTurf ? 1 : 8;
const seconds = (start: number) => (performance.now() - start) / 1000;

const { dataDir } = loadConfig();
let t = performance.now();
const townsSrc = readSource(dataDir, 'towns');
const zctasSrc = readSource(dataDir, 'zctas');
const towns = parseTowns(townsSrc.bytes, townsSrc.entry.path);
const zctas = parseZctas(zctasSrc.bytes, zctasSrc.entry.path);
const parse = seconds(t);
console.log(`parse (read + sha256 + validate ${zctas.length} ZCTAs, ${towns.length} towns): ${parse.toFixed(2)} s`);

t = performance.now();
await loadGeos();
console.log(`geos-wasm init: ${seconds(t).toFixed(2)} s`);

t = performance.now();
const xw = await areaCrosswalk(zctas, towns);
const overlay = seconds(t);
console.log(`overlay: ${overlay.toFixed(2)} s`);
console.log(`  ${xw.rows.length} ZCTA × town pairs after sliver filter; ${xw.exceptions.length} ZCTA and ${xw.townExceptions.length} town conservation exceptions`);

// Turf baseline on the same bbox-candidate pairs (lon/lat bboxes, flatbush), geodesic areas.
const townBoxes = towns.map((tw) => turfBbox(tw.geometry));
const index = new Flatbush(towns.length);
for (const b of townBoxes) index.add(b[0], b[1], b[2], b[3]);
index.finish();
const candidates: [number, number][] = [];
zctas.forEach((z, i) => {
  const b = turfBbox(z.geometry);
  for (const j of index.search(b[0], b[1], b[2], b[3]).sort((x, y) => x - y)) candidates.push([i, j]);
});
const subset = candidates.filter((_, k) => k % STRIDE === 0);
const ours = new Map(xw.rows.map((r) => [`${r.zcta}|${r.town}`, r]));
t = performance.now();
let maxDiff = 0;
let failures = 0;
const zArea = new Map<number, number>();
const tArea = new Map<number, number>();
for (const [i, j] of subset) {
  const z = feature(zctas[i]!.geometry);
  const tw = feature(towns[j]!.geometry);
  let inter = 0;
  try {
    const piece = intersect(featureCollection([z, tw]));
    inter = piece ? turfArea(piece) : 0;
  } catch {
    failures++;
    continue;
  }
  const za = zArea.get(i) ?? turfArea(z);
  const ta = tArea.get(j) ?? turfArea(tw);
  zArea.set(i, za);
  tArea.set(j, ta);
  const row = ours.get(`${zctas[i]!.id}|${towns[j]!.id}`);
  maxDiff = Math.max(maxDiff, Math.abs(inter / za - (row?.fracOfZcta ?? 0)), Math.abs(inter / ta - (row?.fracOfTown ?? 0)));
}
const turf = seconds(t);
const perPair = turf / subset.length;
const turfFull = perPair * candidates.length;
console.log(
  `turf baseline (@turf/intersect + @turf/area): ${subset.length} of ${candidates.length} candidate pairs in ${turf.toFixed(2)} s = ${(perPair * 1000).toFixed(1)} ms/pair` +
    (fullTurf ? '' : ` → ${turfFull.toFixed(1)} s extrapolated to all pairs`) +
    (failures ? ` (${failures} pairs threw)` : ''),
);
console.log(`geos-wasm per candidate pair: ${((overlay / candidates.length) * 1000).toFixed(2)} ms`);
console.log(`ratio turf / geos-wasm: ${(turfFull / overlay).toFixed(1)}×`);
console.log(`max |fraction difference| geos-wasm vs turf on those pairs: ${maxDiff.toFixed(5)}`);

t = performance.now();
const bgSrc = readSource(dataDir, 'block-groups');
const blockGroups = parseBlockGroups(bgSrc.bytes, bgSrc.entry.path);
const bgParse = seconds(t);
t = performance.now();
const bg = await blockGroupOverlay(blockGroups, zctas, towns);
console.log(`block group × ZCTA × town overlay: ${seconds(t).toFixed(2)} s (${bg.pieces.length} pieces; parse ${bgParse.toFixed(2)} s)`);
