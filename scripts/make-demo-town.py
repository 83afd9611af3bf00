#!/usr/bin/env python3
"""Generates Zones/demo-town/*.geojson (or the folder given): a small layout in Heidelberg-Weststadt.

Local metric frame: origin 49.4040 N, 8.6840 E; x east, y north (metres).
Each zone is the parking strip along one kerb: 3.5 m to 6.0 m from the street's centre line
(carriageway 7 m), so the carriageway itself is in no zone.
"""
import json, math, os, sys

LAT0, LON0 = 49.4040, 8.6840
M_PER_DEG = 111320.0

def to_lonlat(x, y):
    lat = LAT0 + y / M_PER_DEG
    lon = LON0 + x / (M_PER_DEG * math.cos(math.radians(LAT0)))
    return [round(lon, 7), round(lat, 7)]

def orient(ring, ccw=True):
    area = sum(a[0] * b[1] - b[0] * a[1] for a, b in zip(ring, ring[1:] + ring[:1]))
    if (area > 0) != ccw:
        ring = ring[::-1]
    return ring

def close(ring_xy, ccw=True):
    ring = orient([to_lonlat(x, y) for x, y in ring_xy], ccw)
    return ring + [ring[0]]

def strip(a, b, s0, s1, side, inner=3.5, outer=6.0):
    """The kerb strip from s0 to s1 metres along the centre line a->b, on `side`."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    length = math.hypot(dx, dy)
    ux, uy = dx / length, dy / length
    nx, ny = (uy, -ux) if side == "right" else (-uy, ux)
    def p(s, o):
        return (a[0] + ux * s + nx * o, a[1] + uy * s + ny * o)
    return [p(s0, inner), p(s1, inner), p(s1, outer), p(s0, outer)]

def spaces(length):
    return int(length // 5.5)

def feature(props, rings_list):
    """rings_list: list of polygons, each a list of rings in metres (outer first)."""
    polys = [[close(r, ccw=(i == 0)) for i, r in enumerate(poly)] for poly in rings_list]
    if len(polys) == 1:
        geometry = {"type": "Polygon", "coordinates": polys[0]}
    else:
        geometry = {"type": "MultiPolygon", "coordinates": polys}
    return {"type": "Feature", "properties": props, "geometry": geometry}

def kerb_zone(street, a, b, s0, s1, side, zid, name, kind, hours, **extra):
    props = {"id": zid, "name": name, "street": street, "side": side, "kind": kind,
             "hours": hours, "capacity": spaces(s1 - s0)}
    props.update(extra)
    return feature(props, [[strip(a, b, s0, s1, side)]])

PAID = "Mo-Fr 09:00-19:00; Sa 09:00-14:00"
RESIDENT = "Mo-Sa 08:00-20:00"
MIXED = "Mo-Fr 08:00-20:00; Sa 08:00-16:00"
DISC = "Mo-Fr 08:00-18:00; Sa 08:00-13:00"

files = {}

# Römerstraße: north-south at x = 0, digitised northwards (right = east side).
# Kleinschmidtstraße joins from the east at y = 200; no zone within 10 m of the junction.
a, b = (0, 0), (0, 400)
st = "Römerstraße"
files["roemerstrasse"] = [
    kerb_zone(st, a, b, 10, 150, "right", "roe-o-1", "Römerstraße 2-28, Ostseite", "resident", RESIDENT,
              permitAreas=["W1"], graceMinutes=0),
    kerb_zone(st, a, b, 160, 190, "right", "roe-o-2", "Römerstraße 30-34, Ostseite (Ladezone)", "no-parking",
              "Mo-Fr 07:00-11:00", confirmationMinutes=5),
    kerb_zone(st, a, b, 210, 390, "right", "roe-o-3", "Römerstraße 36-70, Ostseite", "mixed", MIXED,
              permitAreas=["W1", "W2"], graceMinutes=5),
    # West side: a resident strip interrupted by a driveway at 95-105 m (MultiPolygon).
    feature({"id": "roe-w-1", "name": "Römerstraße 1-27, Westseite", "street": st, "side": "left",
             "kind": "resident", "hours": RESIDENT, "capacity": spaces(85) + spaces(85), "permitAreas": ["W1"]},
            [[strip(a, b, 10, 95, "left")], [strip(a, b, 105, 190, "left")]]),
    kerb_zone(st, a, b, 210, 300, "left", "roe-w-2", "Römerstraße 29-45, Westseite", "time-limited", DISC,
              maxStayMinutes=120, parkingDisc=True, graceMinutes=5, permitAreas=["W1"]),
    kerb_zone(st, a, b, 310, 390, "left", "roe-w-3", "Römerstraße 47-59, Westseite", "paid", PAID,
              graceMinutes=5),
]

# Kleinschmidtstraße: east-west at y = 200 from Römerstraße (x = 0) to Dantestraße (x = 300),
# digitised eastwards (right = south side).
a, b = (0, 200), (300, 200)
st = "Kleinschmidtstraße"
files["kleinschmidtstrasse"] = [
    kerb_zone(st, a, b, 10, 150, "right", "kls-s-1", "Kleinschmidtstraße 1-25, Südseite", "paid", PAID,
              graceMinutes=5),
    kerb_zone(st, a, b, 160, 290, "right", "kls-s-2", "Kleinschmidtstraße 27-49, Südseite", "resident",
              "Mo-Fr 00:00-08:00,18:00-24:00; Sa,Su 00:00-24:00", permitAreas=["W2"]),
    kerb_zone(st, a, b, 10, 110, "left", "kls-n-1", "Kleinschmidtstraße 2-18, Nordseite", "time-limited",
              "Mo-Sa 09:00-18:00", maxStayMinutes=60, parkingDisc=True, graceMinutes=0),
    kerb_zone(st, a, b, 120, 290, "left", "kls-n-2", "Kleinschmidtstraße 20-50, Nordseite", "mixed", MIXED,
              permitAreas=["W2"], graceMinutes=5),
]

# Dantestraße: north-south at x = 300, digitised southwards (right = west side).
a, b = (300, 400), (300, 0)
st = "Dantestraße"
files["dantestrasse"] = [
    kerb_zone(st, a, b, 10, 190, "right", "dan-w-1", "Dantestraße 1-33, Westseite", "resident", RESIDENT,
              permitAreas=["W2"]),
    kerb_zone(st, a, b, 210, 390, "right", "dan-w-2", "Dantestraße 35-69, Westseite", "time-limited", DISC,
              maxStayMinutes=180, parkingDisc=True, graceMinutes=5),
    kerb_zone(st, a, b, 10, 40, "left", "dan-o-1", "Dantestraße 2-6, Ostseite (Feuerwehrzufahrt)", "no-parking",
              "24/7", confirmationMinutes=5),
    kerb_zone(st, a, b, 50, 390, "left", "dan-o-2", "Dantestraße 8-70, Ostseite", "paid", PAID,
              graceMinutes=5),
]

# Wilhelmsplatz: a paid parking area east of Dantestraße around a kiosk (a hole).
square = [(320, 150), (360, 150), (360, 180), (320, 180)]
kiosk = [(336, 162), (344, 162), (344, 168), (336, 168)]
files["wilhelmsplatz"] = [
    feature({"id": "wil-1", "name": "Wilhelmsplatz, Parkfläche", "street": "Wilhelmsplatz", "side": "both",
             "kind": "paid", "hours": "Mo-Sa 08:00-20:00", "capacity": 16, "graceMinutes": 10,
             "confirmationMinutes": 10}, [[square, kiosk]]),
]

def compact(value):
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))

def write(path, features):
    lines = ['{"type": "FeatureCollection", "features": [']
    for i, f in enumerate(features):
        comma = "," if i < len(features) - 1 else ""
        lines.append(' {"type": "Feature",')
        lines.append('  "properties": ' + compact(f["properties"]) + ',')
        g = f["geometry"]
        lines.append('  "geometry": {"type": "%s", "coordinates": %s}}%s'
                     % (g["type"], compact(g["coordinates"]), comma))
    lines.append(']}')
    with open(path, "w", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")

out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "Zones", "demo-town")
os.makedirs(out, exist_ok=True)
for name, features in files.items():
    write(os.path.join(out, name + ".geojson"), features)
