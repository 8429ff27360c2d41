#!/usr/bin/env python3
"""Generate a deterministic corpus of plain-text articles about the period, for scale benchmarks.

    python3 Scripts/scale/generate.py N OUT [--size BYTES] [--seed S]

Writes OUT/Texts/text-00001.txt ... (N texts of about BYTES bytes each, 10,000 by default) and
OUT/names.txt (every name of the reference base, one per line, for the literal-scan floor).
The prose is made from sentence patterns filled with the reference base's own names (persons,
places, organisations, events, in all their recorded spellings), years of the period and
figures: some statements agree with the sources, some do not, as in real secondary texts.
The same N, size and seed give the same bytes. Nothing it writes is committed (benchmark-data/
is ignored by git).
"""
import argparse
import pathlib
import random
import re
import xml.etree.ElementTree as ET

TEI = "{http://www.tei-c.org/ns/1.0}"
ROOT = pathlib.Path(__file__).resolve().parents[2]
AUTH = ROOT / "Annotations" / "authorities"


def names():
    """Every recorded name of the base, by kind: persons, places, organisations, events."""
    kinds = {"person": [], "place": [], "org": [], "event": []}
    tags = {"person": "persName", "place": "placeName", "org": "orgName", "event": "eventName"}
    for path in sorted(AUTH.glob("*.xml")):
        tree = ET.parse(path)
        for kind, tag in tags.items():
            for record in tree.iter(TEI + kind):
                forms = [" ".join("".join(n.itertext()).split()) for n in record.findall(TEI + tag)]
                forms = [f for f in forms if f and len(f) < 60]
                if forms:
                    kinds[kind].append(forms)
    return kinds


PATTERNS = [
    "In {year} {person} marched from {place} to {place2} with some {n:,} men.",
    "{person} reached {place} in the spring of {year}, and {person2} met him there.",
    "The {event} is usually dated to {year}; {person} is said to have commanded the {org}.",
    "According to later writers, {person} paid {m:,} pounds of gold to spare {place}.",
    "{place} was taken in {year} after a siege of {k} months, and {person} withdrew to {place2}.",
    "Some accounts place {person} at {place} in {year}, though {person2} was then at {place2}.",
    "The {org} lost about {n:,} men near {place}, and the survivors fled towards {place2}.",
    "When the news reached {place}, {person} sent envoys to {person2} to ask for a truce.",
    "Two years later the {event} changed the balance of the frontier around {place}.",
    "{person}, whom the sources also call {person_variant}, spent the winter of {year} in {place}.",
    "The fortress of {place} held out against {person} for {k} months in {year}.",
    "It was {person2}, not {person}, who led the {org} at the {event}.",
    "Historians still disagree about the {event}: some date it to {year}, others a year later.",
    "After {year} the road from {place} to {place2} was closed to merchants for a generation.",
    "A garrison of {n:,} soldiers under {person} guarded {place} until {year}.",
]

FILLER = [
    "The chroniclers tell the story with more colour than care.",
    "Modern readers should treat such numbers with caution.",
    "The countryside suffered whichever side held the towns.",
    "Much of what follows depends on a single witness.",
    "The walls that stand today are mostly later work.",
]


def sentence(rng, kinds):
    pattern = rng.choice(PATTERNS)
    person, person2 = rng.sample(kinds["person"], 2)
    place, place2 = rng.sample(kinds["place"], 2)
    values = dict(
        person=rng.choice(person), person2=rng.choice(person2), person_variant=rng.choice(person),
        place=rng.choice(place), place2=rng.choice(place2),
        org=rng.choice(rng.choice(kinds["org"])), event=rng.choice(rng.choice(kinds["event"])),
        year=rng.randint(502, 640), n=rng.choice([500, 800, 1200, 3000, 5000, 8000, 15000, 30000]),
        m=rng.choice([200, 500, 1000, 2000, 4000]), k=rng.randint(2, 9),
    )
    text = pattern.format(**values)
    return text[0].upper() + text[1:]


def article(rng, kinds, size):
    title = "Notes on " + rng.choice(rng.choice(kinds["event"]))
    paragraphs, length = [], len(title)
    while length < size:
        sentences = [sentence(rng, kinds) for _ in range(rng.randint(3, 7))]
        if rng.random() < 0.4:
            sentences.insert(rng.randint(0, len(sentences)), rng.choice(FILLER))
        paragraph = " ".join(sentences)
        paragraphs.append(paragraph)
        length += len(paragraph) + 2
    return title + "\n\n" + "\n\n".join(paragraphs) + "\n"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("count", type=int)
    parser.add_argument("out", type=pathlib.Path)
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=540)
    args = parser.parse_args()
    kinds = names()
    texts = args.out / "Texts"
    texts.mkdir(parents=True, exist_ok=True)
    for index in range(1, args.count + 1):
        rng = random.Random(f"{args.seed}-{index}")
        (texts / f"text-{index:05d}.txt").write_text(article(rng, kinds, args.size), encoding="utf-8")
    every = sorted({form for kind in kinds.values() for forms in kind for form in forms})
    (args.out / "names.txt").write_text("\n".join(every) + "\n", encoding="utf-8")
    print(f"{args.count} texts in {texts} ({sum(p.stat().st_size for p in texts.iterdir()):,} bytes); {len(every)} names")


if __name__ == "__main__":
    main()
