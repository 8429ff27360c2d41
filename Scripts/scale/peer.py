#!/usr/bin/env python3
"""The pipeline a historian would write instead of Scholion, for the scale benchmark's comparison.

    python3 Scripts/scale/peer.py PROJECT OUT [--processes 2]

spaCy (a blank English pipeline with a sentencizer and an EntityRuler holding every name
variant of the reference base), a date check (a year in a sentence that names an event, against
the event's dates in events.xml), and one TEI file per text written with lxml, the names tagged
inline (persName, placeName, orgName, name type="event", date). Two processes by default.
Run by Scripts/benchmark.sh --scale inside a virtual environment with spacy and lxml from PyPI.
"""
import argparse
import multiprocessing
import pathlib
import re
import xml.etree.ElementTree as ET

ROOT = pathlib.Path(__file__).resolve().parents[2]
AUTH = ROOT / "Annotations" / "authorities"
TEI = "{http://www.tei-c.org/ns/1.0}"
TAGS = {"person": ("persName", "PERSON"), "place": ("placeName", "PLACE"), "org": ("orgName", "ORG"), "event": ("eventName", "EVENT")}
YEAR = re.compile(r"\b([1-9]\d{2})\b")

NLP = None
EVENT_YEARS = {}


def patterns():
    """EntityRuler patterns for every name of the base, and each event's years."""
    result, years = [], {}
    for path in sorted(AUTH.glob("*.xml")):
        tree = ET.parse(path)
        for kind, (tag, label) in TAGS.items():
            for record in tree.iter(TEI + kind):
                ident = record.get("{http://www.w3.org/XML/1998/namespace}id")
                for name in record.findall(TEI + tag):
                    text = " ".join("".join(name.itertext()).split())
                    if text:
                        result.append({"label": label, "pattern": text, "id": ident})
                if kind == "event":
                    bounds = [record.get(a) for a in ("when", "from", "notBefore", "to", "notAfter")]
                    found = [int(b[:4]) for b in bounds if b and b[:4].isdigit()]
                    if found:
                        years[ident] = (min(found), max(found))
    return result, years


def setup():
    global NLP, EVENT_YEARS
    import spacy
    NLP = spacy.blank("en")
    NLP.add_pipe("sentencizer")
    ruler = NLP.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER"})
    found, EVENT_YEARS = patterns()
    ruler.add_patterns(found)


def annotate(job):
    from lxml import etree
    source, out = job
    text = pathlib.Path(source).read_text(encoding="utf-8")
    doc = NLP(text)
    ns = "http://www.tei-c.org/ns/1.0"
    tei = etree.Element("{%s}TEI" % ns, nsmap={None: ns})
    header = etree.SubElement(tei, "{%s}teiHeader" % ns)
    desc = etree.SubElement(header, "{%s}fileDesc" % ns)
    etree.SubElement(etree.SubElement(desc, "{%s}titleStmt" % ns), "{%s}title" % ns).text = pathlib.Path(source).stem
    etree.SubElement(etree.SubElement(desc, "{%s}publicationStmt" % ns), "{%s}p" % ns).text = "generated"
    etree.SubElement(etree.SubElement(desc, "{%s}sourceDesc" % ns), "{%s}p" % ns).text = source
    body = etree.SubElement(etree.SubElement(tei, "{%s}text" % ns), "{%s}body" % ns)
    mismatches = 0
    for sent in doc.sents:
        p = etree.SubElement(body, "{%s}s" % ns)
        cursor, last = sent.start_char, None
        for ent in sent.ents:
            chunk = text[cursor:ent.start_char]
            if last is None:
                p.text = (p.text or "") + chunk
            else:
                last.tail = (last.tail or "") + chunk
            tag = {"PERSON": "persName", "PLACE": "placeName", "ORG": "orgName", "EVENT": "name"}[ent.label_]
            last = etree.SubElement(p, "{%s}%s" % (ns, tag), ref="#" + (ent.ent_id_ or ""))
            if ent.label_ == "EVENT":
                last.set("type", "event")
            last.text = ent.text
            cursor = ent.end_char
        rest = text[cursor:sent.end_char]
        if last is None:
            p.text = (p.text or "") + rest
        else:
            last.tail = (last.tail or "") + rest
        years = [int(y) for y in YEAR.findall(sent.text)]
        for ent in sent.ents:
            if ent.label_ == "EVENT" and ent.ent_id_ in EVENT_YEARS and years:
                low, high = EVENT_YEARS[ent.ent_id_]
                if not any(low - 1 <= y <= high + 1 for y in years):
                    mismatches += 1
    etree.ElementTree(tei).write(str(pathlib.Path(out) / (pathlib.Path(source).stem + ".xml")), encoding="UTF-8", xml_declaration=True)
    return mismatches


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("project", type=pathlib.Path)
    parser.add_argument("out", type=pathlib.Path)
    parser.add_argument("--processes", type=int, default=2)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    jobs = [(str(p), str(args.out)) for p in sorted((args.project / "Texts").glob("*.txt"))]
    with multiprocessing.Pool(args.processes, initializer=setup) as pool:
        mismatches = sum(pool.imap_unordered(annotate, jobs, chunksize=16))
    print(f"peer: {len(jobs)} texts, {mismatches} dates that do not fit the event named")


if __name__ == "__main__":
    main()
