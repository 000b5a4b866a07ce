#!/usr/bin/env python3
"""Reproduce the published low-birth-weight rate ratio from a pinned version, with pandas.

The pandas variant of reproduce_lbw_ratio.py (same steps, same definition: docs/method.md section 5):
download the pinned version's town CSV and GeoJSON, join them by place id, recompute the rate ratio of
the worst decile of towns against the best decile (population-weighted), and compare it with
GET /v1/disparities for the same version.

    pip install pandas
    python3 docs/examples/reproduce_lbw_ratio_pandas.py --base http://localhost:8080 [--version <id>]
"""
import argparse
import json
import sys
import urllib.parse
import urllib.request

import pandas as pd


def get_json(base, path, params=None):
    url = base.rstrip("/") + path + ("?" + urllib.parse.urlencode(params) if params else "")
    with urllib.request.urlopen(url, timeout=120) as res:
        return json.load(res)


def weighted_mean(frame, column):
    population = frame["population"].sum()
    return (frame[column] * frame["population"]).sum() / population if population > 0 else frame[column].mean()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", default="http://localhost:8080")
    parser.add_argument("--version", help="version id to pin (default: the current version)")
    parser.add_argument("--indicator", default="low_birth_weight")
    args = parser.parse_args()
    base, indicator = args.base.rstrip("/"), args.indicator

    version = args.version or get_json(base, "/v1/versions")["current"]
    if not args.version:
        print(f"Using the current version {version}; pin it with --version {version}")
    record = get_json(base, f"/v1/versions/{urllib.parse.quote(version)}")
    spec = next(i for i in record["indicators"] if i["id"] == indicator)
    print(f"Cite as: {record.get('citation', version)}")

    download = f"{base}/v1/versions/{urllib.parse.quote(version)}/download"
    # GEOIDs, ZCTAs and FIPS codes are text: keep their leading zeros.
    towns = pd.read_csv(f"{download}?level=town&format=csv", dtype={"id": str, "county_fips": str})
    features = get_json(base, f"/v1/versions/{urllib.parse.quote(version)}/download", {"level": "town", "format": "geojson"})["features"]
    outlines = pd.DataFrame({"id": [str(f["properties"]["id"]) for f in features], "has_geometry": [f.get("geometry") is not None for f in features]})
    joined = towns.merge(outlines, on="id", how="left", validate="one_to_one")
    print(f"{len(towns)} towns; {int(joined['has_geometry'].sum())} joined to an outline")

    rows = joined.dropna(subset=[indicator])[["id", "name", "population", indicator]].copy()
    rows["population"] = rows["population"].fillna(0)
    # Worst first by the indicator's direction; ties in id order, as the API sorts them.
    rows = rows.sort_values([indicator, "id"], ascending=[spec["direction"] != "higher_is_worse", True], kind="mergesort")
    decile = max(1, len(rows) // 10)
    ratio = weighted_mean(rows.head(decile), indicator) / weighted_mean(rows.tail(decile), indicator)

    published = get_json(base, "/v1/disparities", {"indicator": indicator, "level": "town", "version": version})["worstVsBestDecile"]["rateRatio"]
    print(f"Rate ratio, published: {published:.6f}; reproduced: {ratio:.6f}")
    if abs(ratio - published) > 1e-9 * abs(published):
        print("MISMATCH")
        return 1
    print("OK: the published figure is reproduced")
    return 0


if __name__ == "__main__":
    sys.exit(main())
