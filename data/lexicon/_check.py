#!/usr/bin/env python3
"""Sanity check for the lexicon TSV files (run: python3 data/lexicon/_check.py).

Checks column counts, predicate/modality/position/kind/type names, list syntax,
lower case where required, repeated lines, and that a verb lemma+objprep pair maps
to one predicate only. Exits 1 on any problem. (Leading "_" keeps go:embed off it.)
"""
import os, sys

DIR = os.path.dirname(os.path.abspath(__file__))
PREDS = {"memberOf", "leaderOf", "spokespersonFor", "officialOf", "backedBy", "alliedWith",
         "locatedIn", "deployedIn", "operatedBy", "attacked", "struck", "killed", "wounded",
         "threatened", "accused", "demanded", "negotiatedWith", "agreedWith", "truceWith",
         "withdrewFrom", "backedBy-inverse", "memberOf-inverse"}
MODALITIES = {"negated", "hypothetical", "planned", "conditional", "claimed", "denied", "threatened"}
POSITIONS = {"before", "clause", "reporting", "denial"}
KINDS = {"militia", "anaphor", "backer"}
TYPES = {"Person", "Country", "ArmedGroup", "Coalition", "GovernmentBody",
         "InternationalOrganization", "MediaOutlet", "Location", "Facility"}
NCOLS = {"verbs.tsv": 7, "nouns.tsv": 4, "roles.tsv": 4, "cues.tsv": 3, "collectives.tsv": 3}

errors = []

def err(f, n, msg):
    errors.append(f"{f}:{n}: {msg}")

def items(s):
    return [] if s == "" else s.split("; ")

def rows(f):
    seen = {}
    with open(os.path.join(DIR, f), encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            line = line.rstrip("\n")
            if line.strip() == "" or line.startswith("#"):
                continue
            if line in seen:
                err(f, n, f"repeats line {seen[line]}")
            seen[line] = n
            cols = line.split("\t")
            if len(cols) != NCOLS[f]:
                err(f, n, f"{len(cols)} columns, want {NCOLS[f]}")
                continue
            for c in cols:
                if c != c.strip() or "  " in c or ";;" in c or c.endswith(";"):
                    err(f, n, f"bad spacing or list syntax in {c!r}")
                for it in items(c):
                    if it.strip() == "":
                        err(f, n, f"empty list item in {c!r}")
            yield n, cols

def check_list_unique(f, n, col):
    its = items(col)
    if len(its) != len(set(its)):
        err(f, n, f"repeated item in {col!r}")

# verbs
pairs = {}
for n, c in rows("verbs.tsv"):
    f = "verbs.tsv"
    if c[0] not in PREDS:
        err(f, n, f"unknown predicate {c[0]!r}")
    for x in c[1:6]:
        if x != x.lower() or x == "" or x == "-":
            err(f, n, f"verb form {x!r} must be non-empty lower case")
    check_list_unique(f, n, c[6])
    for p in items(c[6]):
        key = (c[1], p)
        if key in pairs and pairs[key][0] != c[0]:
            err(f, n, f"{c[1]!r}+{p!r} also under {pairs[key][0]} (line {pairs[key][1]})")
        pairs.setdefault(key, (c[0], n))

# nouns
for n, c in rows("nouns.tsv"):
    f = "nouns.tsv"
    if c[0] not in PREDS:
        err(f, n, f"unknown predicate {c[0]!r}")
    if c[1] == "" or c[2] == "":
        err(f, n, "nouns and objpreps must not be empty")
    for col in c[1:]:
        check_list_unique(f, n, col)
        if col != col.lower():
            err(f, n, f"not lower case: {col!r}")

# roles
for n, c in rows("roles.tsv"):
    f = "roles.tsv"
    if c[0] not in PREDS and c[0] != "-":
        err(f, n, f"unknown predicate {c[0]!r}")
    if c[1] == "":
        err(f, n, "empty role")
    check_list_unique(f, n, c[2])
    if c[1] in items(c[2]):
        err(f, n, "role repeated among its variants")
    if c[3] not in ("state", "body", "rank", "-"):
        err(f, n, f"leads must be state, body, rank or -, not {c[3]!r}")
    if c[3] != "-" and c[0] not in ("leaderOf", "officialOf"):
        err(f, n, f"a role that leads a {c[3]} must be leaderOf or officialOf")

# cues
for n, c in rows("cues.tsv"):
    f = "cues.tsv"
    if c[0] not in MODALITIES:
        err(f, n, f"unknown modality {c[0]!r}")
    if c[2] not in POSITIONS:
        err(f, n, f"unknown position {c[2]!r}")
    if c[1] != c[1].lower() or c[1] == "":
        err(f, n, f"cue must be non-empty lower case: {c[1]!r}")

# collectives
for n, c in rows("collectives.tsv"):
    f = "collectives.tsv"
    if c[0] not in KINDS:
        err(f, n, f"unknown kind {c[0]!r}")
    elif c[0] == "backer":
        if c[2] != "-" or "X" not in c[1] or c[1].replace("X", "") != c[1].replace("X", "").lower():
            err(f, n, "backer needs X in a lower-case shape and type '-'")
    else:
        if c[2] not in TYPES:
            err(f, n, f"unknown type {c[2]!r}")
        if c[1] != c[1].lower():
            err(f, n, f"not lower case: {c[1]!r}")
        if c[0] == "anaphor" and not c[1].startswith("the "):
            err(f, n, f"anaphor should start with 'the ': {c[1]!r}")

for e in errors:
    print(e)
print(f"{len(errors)} problem(s)")
sys.exit(1 if errors else 0)
