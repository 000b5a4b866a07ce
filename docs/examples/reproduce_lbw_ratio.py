#!/usr/bin/env python3
"""Reproduce a published Equity Atlas figure from a pinned version's bulk download.

Python standard library only (urllib, csv, json). It:
  1. picks a version (--version, or the current one, printed so you can pin it next time),
  2. downloads that version's town CSV and GeoJSON and joins them by place id,
  3. recomputes the low-birth-weight rate ratio, worst decile of towns vs best decile
     (docs/method.md section 5: population-weighted means, deciles by the indicator's
     direction, ties by place id), and
  4. prints it beside the figure GET /v1/disparities publishes for the same version, and
     exits 1 if they disagree.

    python3 docs/examples/reproduce_lbw_ratio.py --base http://localhost:8080
    python3 docs/examples/reproduce_lbw_ratio.py --version ma-hei-1.1-20261123T034501Z-1a2b
"""
import argparse
import csv
import io
import json
import math
import sys
import urllib.error
import urllib.parse
import urllib.request


def get(base, path, params=None):
    url = base.rstrip("/") + path + ("?" + urllib.parse.urlencode(params) if params else "")
    try:
        with urllib.request.urlopen(url, timeout=120) as res:
            return res.read().decode("utf-8")
    except urllib.error.HTTPError as err:  # the API answers RFC 9457 problems: show their detail
        body = err.read().decode("utf-8", "replace")
        try:
            body = json.loads(body).get("detail", body)
        except ValueError:
            pass
        sys.exit(f"GET {url} failed: {err.code} {body}")


def weighted_mean(rows):
    """Population-weighted mean of the rows' values (plain mean when no row has a population)."""
    population = sum(r["population"] for r in rows)
    if population > 0:
        return sum(r["value"] * r["population"] for r in rows) / population
    return sum(r["value"] for r in rows) / len(rows)


def worst_vs_best_decile(rows, higher_is_worse):
    """Rate ratio of the worst 10 % of places against the best 10 % (docs/method.md section 5)."""
    ordered = sorted(rows, key=lambda r: r["id"])  # ties keep id order, as the API sorts them
    ordered.sort(key=lambda r: r["value"], reverse=higher_is_worse)
    decile = max(1, len(ordered) // 10)
    worst, best = ordered[:decile], ordered[-decile:]
    rate, reference = weighted_mean(worst), weighted_mean(best)
    return {"rate": rate, "reference": reference, "rateRatio": rate / reference if reference else None, "places": decile, "worst": worst}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--base", default="http://localhost:8080", help="API origin (default: %(default)s)")
    parser.add_argument("--version", help="version id to pin (default: the current version)")
    parser.add_argument("--indicator", default="low_birth_weight")
    args = parser.parse_args()

    version = args.version
    if not version:
        version = json.loads(get(args.base, "/v1/versions"))["current"]
        if not version:
            sys.exit("No version is published yet.")
        print(f"Using the current version {version}; pin it with --version {version}")
    record = json.loads(get(args.base, f"/v1/versions/{urllib.parse.quote(version)}"))
    print(f"Version {record['version']} (published {record['createdAt']})")
    if record.get("citation"):
        print(f"Cite as: {record['citation']}")
    spec = next((i for i in record["indicators"] if i["id"] == args.indicator), None)
    if spec is None:
        sys.exit(f"Indicator {args.indicator} is not in version {version}.")
    print(f"Indicator: {spec['label']} ({spec['unit']}; {spec['vintage']}; {spec['direction']})")

    # 1. The pinned bulk download: one row per town. Ids stay text (they are GEOIDs).
    download = f"/v1/versions/{urllib.parse.quote(version)}/download"
    table = list(csv.DictReader(io.StringIO(get(args.base, download, {"level": "town", "format": "csv"}))))
    rows, missing = [], []
    for row in table:
        cell = row[args.indicator]
        if cell == "":  # missing: the reason is in <indicator>_no_data_reason
            missing.append(row)
            continue
        value = float(cell)
        if math.isfinite(value):
            rows.append({"id": row["id"], "name": row["name"], "value": value, "population": float(row["population"] or 0)})
    print(f"CSV: {len(table)} towns, {len(rows)} with a value, {len(missing)} without")
    if missing:  # every missing value says why
        print(f"  e.g. {missing[0]['name']}: {missing[0].get(f'{args.indicator}_no_data_reason') or '(no reason given)'}")

    # 2. Join to the outlines of the same version.
    features = json.loads(get(args.base, download, {"level": "town", "format": "geojson"}))["features"]
    outlined = {str(f.get("properties", {}).get("id", f.get("id"))) for f in features if f.get("geometry")}
    joined = [r for r in rows if r["id"] in outlined]
    print(f"GeoJSON: {len(features)} features, {len(outlined)} with geometry; {len(joined)} of {len(rows)} towns with a value have an outline")

    # 3. Recompute, and 4. compare with the published figure of the same version.
    mine = worst_vs_best_decile(rows, spec["direction"] == "higher_is_worse")
    published = json.loads(get(args.base, "/v1/disparities", {"indicator": args.indicator, "level": "town", "version": version}))["worstVsBestDecile"]
    print(f"Worst decile ({mine['places']} towns, e.g. {', '.join(r['name'] for r in mine['worst'][:3])}): {mine['rate']:.4f}; best decile: {mine['reference']:.4f}")
    print(f"Rate ratio, published by GET /v1/disparities: {published['rateRatio']:.6f}")
    print(f"Rate ratio, reproduced from the CSV:          {mine['rateRatio']:.6f}")
    agree = published["places"] == mine["places"] and math.isclose(published["rateRatio"], mine["rateRatio"], rel_tol=1e-9)
    print("OK: the published figure is reproduced" if agree else "MISMATCH: the published figure is not reproduced")
    return 0 if agree else 1


if __name__ == "__main__":
    sys.exit(main())
