#!/usr/bin/env python3
"""Matches `parkscan bench scan DRIVE --sightings FILE` against DRIVE/truth.json.

Prints, for a generated drive: per sighting the true car (by box overlap with the truth's
visible plates), tracking splits and merges, the fate of every true case, why unread
sightings were not accepted, and the occupancy per zone and pass (ours vs truth, with the
cause of each difference). Generated drives only: the file holds every plate read.
"""
import collections, json, sys

def overlap(a, b):
    ax, ay, aw, ah = a; bx, by, bw, bh = b
    w = max(0, min(ax + aw, bx + bw) - max(ax, bx)); h = max(0, min(ay + ah, by + bh) - max(ay, by))
    inter = w * h
    return inter / max(1, min(aw * ah, bw * bh))

def umlaut_shadows():
    """District codes an umlaut code turns into when the OCR loses or flattens the umlaut (as GermanDistrictCodes)."""
    import os, re
    table = os.path.join(os.path.dirname(__file__), "..", "Sources", "PlateReading", "GermanDistrictCodes+Table.swift")
    codes = set(re.findall(r'^\s*"([^"]+)":', open(table, encoding="utf-8").read(), re.M))
    plain = {"Ä": "A", "Ö": "O", "Ü": "U"}
    shadows = set()
    for code in codes:
        if any(ch in plain for ch in code):
            shadows.add("".join(ch for ch in code if ch not in plain)); shadows.add("".join(plain.get(ch, ch) for ch in code))
    return shadows & codes

SHADOWS = umlaut_shadows()

def drops_one(longer, shorter):
    """Whether `shorter` is `longer` with one character left out (as ReadCertainty)."""
    return len(longer) == len(shorter) + 1 and any(longer[:i] + longer[i + 1:] == shorter for i in range(len(longer)))

def margin_fails(text, confidence, alternatives):
    """ReadCertainty's margin rule: drops of the winner are no competitors (unless its district may
    have lost an umlaut); a winner that is a drop of an alternative within 1/2.5 is refused."""
    norm = lambda t: "".join(ch for ch in t if ch.isalnum())
    winner = norm(text)
    relief = not ("-" in text and text.split("-")[0] in SHADOWS)
    runner_up = None
    for alt, conf in alternatives:
        other = norm(alt)
        if drops_one(other, winner):
            if conf * 2.5 > confidence: return True
        elif runner_up is None and not (relief and drops_one(winner, other)):
            runner_up = conf
    return (runner_up or 0) * 1.5 > confidence

def annotate(drive, path):
    """The sightings of `path`, each with its true car, pass, where the true plate is and why it was not accepted."""
    truth = json.load(open(f"{drive}/truth.json"))
    frames = {f["file"]: f for f in truth["frames"]}
    cars = {c["id"]: c for c in truth["cars"]}
    sightings = [json.loads(l) for l in open(path)]
    counted_outcomes = {"unread", "compliant", "notEnforced", "pending", "caseRaised", "stillPending"}
    for s in sightings:
        votes = collections.Counter(); passes = collections.Counter()
        for r in s["reads"]:
            rel = r["frame"].split(drive.rstrip("/") + "/")[-1]
            f = frames.get(rel)
            if not f: continue
            passes[f["pass"]] += 1
            best = max(f["plates"], key=lambda p: overlap(p["box"], r["box"]), default=None)
            if best and overlap(best["box"], r["box"]) > 0.3: votes[best["carID"]] += 1
            else: votes[None] += 1
        s["car"] = votes.most_common(1)[0][0] if votes else None
        s["cars"] = dict(votes)
        s["pass"] = passes.most_common(1)[0][0] if passes else None
        c = cars.get(s["car"])
        # German plates compare in their split form, foreign ones by letters and digits.
        s["true"] = (c["plate"] if c["country"] == "D" else c["normalized"]) if c else None
        key = (lambda t: t) if not c or c["country"] == "D" else (lambda t: "".join(ch for ch in t if ch.isalnum()))
        s["text"] = key(s["text"])
        for a in s["alternatives"]: a[0] = key(a[0])
        for r in s["reads"]:
            r["text"] = key(r["text"])
            for a in r["alternatives"]: a[0] = key(a[0])
        if "voted" in s: s["voted"]["text"] = key(s["voted"]["text"])
        s["votedRight"] = bool(c) and s.get("voted", {}).get("text") == s["true"]
        cands = [s["text"]] + [a[0] for a in s["alternatives"]]
        readtexts = set()
        for r in s["reads"]:
            readtexts.add(r["text"]); readtexts.update(a[0] for a in r["alternatives"])
        s["where"] = ("none" if not c else "winner" if s["text"] == s["true"] else
                      "fusedAlt" if s["true"] in cands else "someRead" if s["true"] in readtexts else "absent")
        why = []
        if s["readCount"] < 2: why.append("reads<2")
        if s["confidence"] < 0.1: why.append("conf<0.1")
        if s["agreement"] < 0.4: why.append("agree<0.4")
        if not s["splitDecided"]: why.append("split")
        if margin_fails(s["text"], s["confidence"], s["alternatives"]): why.append("margin")
        s["why"] = why
    return truth, sightings

def main(drive, path, verbose):
    truth, sightings = annotate(drive, path)
    cars = {c["id"]: c for c in truth["cars"]}
    counted_outcomes = {"unread", "compliant", "notEnforced", "pending", "caseRaised", "stillPending"}
    out = collections.Counter(s["outcome"] for s in sightings)
    print("outcomes", dict(out))
    # Accepted sightings with a wrong plate (dangerous) and unread analysis.
    accepted = [s for s in sightings if s["outcome"] in ("pending", "caseRaised", "stillPending", "alreadyCounted")
                or (s["outcome"] in ("compliant", "notEnforced") and not s["why"])]
    wrong = [s for s in accepted if s["true"] and s["text"] != s["true"]]
    print(f"accepted {len(accepted)}, with a wrong plate {len(wrong)}, of no car {sum(1 for s in accepted if not s['true'])}")
    for s in wrong: print("  WRONG", s["text"], "true", s["true"], s["outcome"], round(s["confidence"], 3), s["agreement"], s["readCount"])
    unread = [s for s in sightings if s["outcome"] in ("unread", "glimpse")]
    print("unread by where the true plate is", dict(collections.Counter(s["where"] for s in unread)))
    print("unread by failing condition", dict(collections.Counter(",".join(s["why"]) or "doubt" for s in unread)))
    multi = [s for s in unread if s["readCount"] >= 2 and s["true"]]
    print(f"unread with 2+ reads of a car: {len(multi)}; voted reading right: {sum(s['votedRight'] for s in multi)}, "
          f"text-vote winner right: {sum(s['where'] == 'winner' for s in multi)}, voted right where winner wrong: "
          f"{sum(s['votedRight'] and s['where'] != 'winner' for s in multi)}")
    vw = [s for s in sightings if s["true"] and "voted" in s and not s["votedRight"]]
    print(f"voted readings wrong: {len(vw)} of {sum(1 for s in sightings if s['true'] and 'voted' in s)}")
    print("unread winner-true by condition", dict(collections.Counter(",".join(s["why"]) or "doubt" for s in unread if s["where"] == "winner")))
    # Tracking: sightings per (car, pass, camera) vs truth sightings.
    ours = collections.defaultdict(list)
    for s in sightings:
        if s["car"] is not None: ours[(s["car"], s["pass"])].append(s)
    splits = 0; missing = 0
    for c in truth["cars"]:
        for p in sorted(set(x["pass"] for x in c["sightings"])):
            n_true = sum(1 for x in c["sightings"] if x["pass"] == p)
            n = len(ours.get((c["id"], p), []))
            if n > n_true: splits += n - n_true
            if n == 0: missing += 1
    merges = sum(1 for s in sightings if len([k for k in s["cars"] if k is not None]) > 1)
    print(f"tracking: {splits} extra sightings (splits), {missing} car-passes never tracked, {merges} tracks mixing cars, "
          f"{sum(1 for s in sightings if s['car'] is None)} tracks of no car")
    # Cases
    for tc in truth["cases"]:
        ss = [s for s in sightings if s["car"] == tc["carID"]]
        desc = "; ".join(f"p{s['pass']} {s['outcome']} {s['where']} [{','.join(s['why'])}] {s['text']} c={s['confidence']:.2f} a={s['agreement']:.2f} n={s['readCount']}" for s in ss)
        if verbose: print("case", tc["plate"], tc["zone"], tc["rule"], "|", desc)
    # Occupancy
    counts = collections.Counter(); detail = collections.defaultdict(list)
    for s in sightings:
        if s["outcome"] in counted_outcomes and s.get("zone"):
            counts[(s["pass"], s["zone"])] += 1; detail[(s["pass"], s["zone"])].append(s)
    errs = []
    for row in truth["occupancy"]:
        key = (row["pass"], row["zone"]); n = counts.get(key, 0)
        e = 100 * abs(n - row["vehicles"]) / row["capacity"]; errs.append(e)
        if n != row["vehicles"]:
            truecars = {c["id"] for c in truth["cars"] if c["zone"] == row["zone"] and row["pass"] in c["passes"]}
            got = [s["car"] for s in detail[key]]
            extra = collections.Counter(got); dup = [k for k, v in extra.items() if v > 1]
            foreign = [(k, cars[k]["zone"] if k in cars else None) for k in got if k not in truecars]
            missed = []
            for k in truecars - set(got):
                ss = [s for s in sightings if s["car"] == k and s["pass"] == row["pass"]]
                missed.append((k, [(s["outcome"], s.get("zone"), s["readCount"], s["text"]) for s in ss]))
            print(f"occ p{row['pass']} {row['zone']} cap {row['capacity']}: ours {n} truth {row['vehicles']} (seen {row['seen']}) "
                  f"dup {dup} foreign {foreign} missed {missed}")
    for s in sightings:
        if s["outcome"] in counted_outcomes and s["car"] is None:
            print("  counted, no car:", s["pass"], s.get("zone"), s["outcome"], s["text"], s["readCount"], [r["text"] for r in s["reads"]], s["cars"])
    print(f"occupancy error mean {sum(errs)/len(errs):.2f} max {max(errs):.1f} ({len(errs)} zone-passes)")
    if verbose:
        for s in unread:
            print("unread", s["pass"], s.get("zone"), s["true"], "|", s["text"], f"{s['confidence']:.2f} a={s['agreement']:.2f} n={s['readCount']}", s["where"], s["why"],
                  [a[0] + f":{a[1]:.2f}" for a in s["alternatives"][:2]], [r["text"] for r in s["reads"]])

if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], "-v" in sys.argv)
