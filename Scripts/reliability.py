#!/usr/bin/env python3
"""Reliability checks of issue 11, run through the scholion binary as a user runs it.

  Scripts/reliability.py [--binary PATH] [--edits 200] [--kills 30] [--saves 20] [--seed 11] [--parts edits,kills,saves]

1. Random edits: a text with 5 person-made annotations (a @resp of their own) on quotes that
   occur more than once is edited at random (a sentence deleted, a word replaced, text
   inserted, a stretch deleted; half of them at or beside an annotation), and `annotate` runs.
   Each annotation must then be where the edit put it, or marked stale: never anywhere else
   (an identical passage, the same two dozen characters on each side, counts as its place).
2. Kills: `annotate` and `export` are killed with SIGKILL at random moments. Every layer must
   then parse and be the old or the new one, the export folder must be the whole old or the
   whole new one, and after the next run nothing may be left behind (temporary files, staging
   folders).
3. Saves: a person saves a layer while `annotate` runs; the save must never be lost.

Prints one line of figures per part and exits 1 if any check failed.
"""
import argparse
import hashlib
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TEI = "{http://www.tei-c.org/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
TEXT = "khosrow-war-mesopotamia-540s-561"


def project(ids):
    root = tempfile.mkdtemp(prefix="scholion-reliability-")
    os.makedirs(os.path.join(root, "Texts"))
    os.makedirs(os.path.join(root, "Annotations"))
    for i in ids:
        shutil.copy(os.path.join(ROOT, "Texts", i + ".txt"), os.path.join(root, "Texts"))
        shutil.copy(os.path.join(ROOT, "Annotations", i + ".xml"), os.path.join(root, "Annotations"))
    return root


def run(binary, args, cwd, check=True):
    result = subprocess.run([binary] + args, cwd=cwd, capture_output=True, text=True)
    if check and result.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed: {result.stderr}")
    return result


def entries(layer_path):
    """id -> (start, end, quote, before, after, status) for every annotation of a layer."""
    tree = ET.parse(layer_path)
    found = {}
    for annotation in tree.iter(TEI + "annotation"):
        target = annotation.get("target", "")
        match = re.search(r"#char=(\d+),(\d+)$", target)
        note = annotation.find(TEI + "note[@type='anchor']")
        def part(tag, kind):
            for element in note:
                if element.tag == TEI + tag and element.get("type") == kind:
                    return "".join(element.itertext())
            return ""
        revision = annotation.find(TEI + "revisionDesc")
        found[annotation.get(XML_ID)] = (int(match.group(1)), int(match.group(2)), part("quote", None),
                                         part("seg", "before"), part("seg", "after"),
                                         revision.get("status") if revision is not None else None,
                                         annotation.get("resp"))
    return found


def random_edit(text, near, rng):
    """(start, end, replacement): one edit of the text."""
    at = near + rng.randint(-30, 30) if rng.random() < 0.5 else rng.randrange(len(text))
    at = max(0, min(len(text), at))
    kind = rng.randrange(4)
    if kind == 0:  # the sentence around `at`
        start, end = at, at
        while start > 0 and text[start - 1] not in ".\n":
            start -= 1
        while end < len(text) and text[end] not in ".\n":
            end += 1
        return start, min(len(text), end + 1), ""
    if kind == 1:  # the word at `at`
        start, end = at, at
        while start > 0 and text[start - 1].isalpha():
            start -= 1
        while end < len(text) and text[end].isalpha():
            end += 1
        return start, end, rng.choice(["Dara", "the Romans", "Khosrow", "541", "it"])
    if kind == 2:
        return at, at, rng.choice([" (so Procopius)", "Moreover, ", "\n\n", " the war", " Khosrow I"])
    return at, min(len(text), at + rng.randint(1, 80)), ""


def edits(binary, count, rng):
    root = project([TEXT])
    text_path = os.path.join(root, "Texts", TEXT + ".txt")
    layer_path = os.path.join(root, "Annotations", TEXT + ".xml")
    original_text = open(text_path, encoding="utf-8").read()
    layer_xml = open(layer_path, encoding="utf-8").read()
    mentions = {i: e for i, e in entries(layer_path).items() if i.startswith("p")}
    repeated = [i for i, e in mentions.items() if original_text.count(e[2]) > 1]
    outcome = {"kept": 0, "moved": 0, "identical": 0, "stale": 0, "misplaced": 0}
    failures = []
    for trial in range(count):
        chosen = rng.sample(repeated, 5)
        xml = layer_xml
        for i in chosen:
            xml = re.sub(r'(<annotation xml:id="%s"[^>]*?)resp="#scholion"' % re.escape(i), r'\1resp="#historian"', xml)
        open(layer_path, "w", encoding="utf-8").write(xml)
        anchor = mentions[rng.choice(chosen)]
        start, end, replacement = random_edit(original_text, anchor[0], rng)
        edited = original_text[:start] + replacement + original_text[end:]
        open(text_path, "w", encoding="utf-8").write(edited)
        run(binary, ["annotate"], root)
        after = entries(layer_path)
        delta = len(replacement) - (end - start)
        for i in chosen:
            old = mentions[i]
            new = after.get(i)
            if new is None:
                failures.append(f"trial {trial}: {i} lost from the layer")
                outcome["misplaced"] += 1
                continue
            if old[0] >= end:
                truth = (old[0] + delta, old[1] + delta)
            elif old[1] <= start:
                truth = (old[0], old[1])
            else:
                truth = None
            if new[5] == "stale":
                outcome["stale"] += 1
            elif (new[0], new[1]) == truth:
                outcome["kept" if truth == (old[0], old[1]) else "moved"] += 1
            elif edited[new[0]:new[1]] == old[2] and edited[max(0, new[0] - len(old[3])):new[0]] == old[3] \
                    and edited[new[1]:new[1] + len(old[4])] == old[4] and len(old[3]) == 24 and len(old[4]) == 24:
                outcome["identical"] += 1
            else:
                outcome["misplaced"] += 1
                failures.append(f"trial {trial}: {i} {old[2]!r} at {new[0]}-{new[1]}, truth {truth}")
    shutil.rmtree(root)
    annotations = count * 5
    print(f"edits: {count} random edits under 5 person-made annotations each ({annotations} placements): "
          f"{outcome['kept']} kept, {outcome['moved']} moved with the edit, {outcome['identical']} on an identical passage, "
          f"{outcome['stale']} marked stale, {outcome['misplaced']} silently misplaced")
    for failure in failures[:10]:
        print("  " + failure)
    return outcome["misplaced"] == 0


def digest(folder):
    """relative path -> sha256 of every file below `folder` (the lock file left out)."""
    result = {}
    for directory, _, files in os.walk(folder):
        for name in files:
            if name == ".scholion.lock":
                continue
            path = os.path.join(directory, name)
            result[os.path.relpath(path, folder)] = hashlib.sha256(open(path, "rb").read()).hexdigest()
    return result


def leftovers(root):
    found = []
    for directory, folders, files in os.walk(root):
        for name in folders + files:
            if ".scholion-" in name and name != ".scholion-export" or name.endswith(".tmp"):
                found.append(os.path.relpath(os.path.join(directory, name), root))
    return found


def timed(binary, args, cwd):
    started = time.monotonic()
    run(binary, args, cwd)
    return time.monotonic() - started


def kill_at_random(binary, args, cwd, duration, rng):
    process = subprocess.Popen([binary] + args, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(rng.uniform(0, duration * 1.1))
    process.send_signal(signal.SIGKILL)
    process.wait()
    return process.returncode == -signal.SIGKILL


def kills(binary, count, rng):
    ids = ["khosrow-war-mesopotamia-540s-561", "muslim-invasion-mesopotamia-636", "persian-invasion-khusrau-540", "siege-of-sisauranon-541"]
    ok = True
    # annotate: each text edited, so that every layer is rewritten.
    root = project(ids)
    layers = os.path.join(root, "Annotations")
    originals = {i: open(os.path.join(root, "Texts", i + ".txt"), encoding="utf-8").read() for i in ids}
    before = digest(layers)
    for i in ids:
        open(os.path.join(root, "Texts", i + ".txt"), "w", encoding="utf-8").write("Preface.\n\n" + originals[i])
    scratch = project([])
    for i in ids:
        shutil.copy(os.path.join(root, "Texts", i + ".txt"), os.path.join(scratch, "Texts"))
        shutil.copy(os.path.join(root, "Annotations", i + ".xml"), os.path.join(scratch, "Annotations"))
    run(binary, ["annotate"], scratch)
    after = digest(os.path.join(scratch, "Annotations"))
    duration = timed(binary, ["annotate"], scratch)
    shutil.rmtree(scratch)
    killed = corrupted = attempts = 0
    while killed < count and attempts < 3 * count:  # until `count` kills landed while it ran
        attempts += 1
        killed += kill_at_random(binary, ["annotate"], root, duration, rng)
        now = digest(layers)
        for name, value in now.items():
            if name.endswith(".tmp") or ".scholion-" in name:
                continue
            if value not in (before.get(name), after.get(name)):
                corrupted += 1
                print(f"  annotate: {name} is neither the old nor the new layer")
            else:
                ET.parse(os.path.join(layers, name))
        # Back to the old layers for the next kill.
        for i in ids:
            shutil.copy(os.path.join(ROOT, "Annotations", i + ".xml"), layers)
    run(binary, ["annotate"], root)
    left = leftovers(root)
    print(f"kills of annotate: {killed} while it ran (of {attempts} tries), {corrupted} corrupted layers, "
          f"leftovers after the next run: {len(left)}")
    ok &= corrupted == 0 and not left and killed == count
    shutil.rmtree(root)

    # export: the folder is the old or the new export, whole.
    root = project(ids)
    run(binary, ["export", "--date", "2026-12-01"], root)
    old = digest(os.path.join(root, "Exports"))
    run(binary, ["export", "--date", "2026-12-02", "-o", "fresh"], root)
    new = digest(os.path.join(root, "fresh"))
    duration = timed(binary, ["export", "--date", "2026-12-02", "-o", "fresh"], root)
    shutil.rmtree(os.path.join(root, "fresh"))
    states = {"old": 0, "new": 0, "mixed": 0}
    killed = attempts = 0
    while killed < count and attempts < 3 * count:
        attempts += 1
        killed += kill_at_random(binary, ["export", "--date", "2026-12-02"], root, duration, rng)
        now = digest(os.path.join(root, "Exports"))
        state = "old" if now == old else "new" if now == new else "mixed"
        states[state] += 1
        if state == "mixed":
            print(f"  export: a mixed folder: {sorted(now)}")
        if state == "new":
            run(binary, ["export", "--date", "2026-12-01"], root)
    run(binary, ["export", "--date", "2026-12-02"], root)
    left = leftovers(root)
    whole = digest(os.path.join(root, "Exports")) == new
    print(f"kills of export: {killed} while it ran (of {attempts} tries); the folder after each try: {states['old']} old, {states['new']} new, "
          f"{states['mixed']} mixed; after the next run: {'the whole new export' if whole else 'NOT the new export'}, leftovers: {len(left)}")
    ok &= states["mixed"] == 0 and not left and whole and killed == count
    shutil.rmtree(root)
    return ok


def saves(binary, count, rng):
    """A person saves a layer (as an editor does: a new file renamed over it, or written in
    place) while annotate runs on an edited text; the save must survive."""
    root = project([TEXT])
    text_path = os.path.join(root, "Texts", TEXT + ".txt")
    layer_path = os.path.join(root, "Annotations", TEXT + ".xml")
    original_text = open(text_path, encoding="utf-8").read()
    original_layer = open(layer_path, encoding="utf-8").read()
    open(text_path, "w", encoding="utf-8").write("Preface.\n\n" + original_text)
    duration = timed(binary, ["annotate"], root)
    lost = skipped = 0
    for trial in range(count):
        open(text_path, "w", encoding="utf-8").write(("Preface %d.\n\n" % trial) + original_text)
        open(layer_path, "w", encoding="utf-8").write(original_layer)
        marker = "A note the historian saved, trial %d." % trial
        saved = original_layer.replace('resp="#scholion"', 'resp="#historian"', 1).replace(
            "</annotation>", "<note>%s</note></annotation>" % marker, 1)
        process = subprocess.Popen([binary, "annotate"], cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        # In the second half of the run, where annotate reads the layer and writes the new one.
        time.sleep(rng.uniform(0.5 * duration, duration))
        if rng.random() < 0.5:
            temporary = layer_path + ".editor-save"
            open(temporary, "w", encoding="utf-8").write(saved)
            os.replace(temporary, layer_path)
        else:
            with open(layer_path, "w", encoding="utf-8") as handle:
                handle.write(saved)
        _, error = process.communicate()
        if "NOT written" in error:
            skipped += 1
        if marker not in open(layer_path, encoding="utf-8").read():
            lost += 1
            print(f"  save {trial}: lost (annotate said: {error.strip()[:200]})")
    shutil.rmtree(root)
    print(f"saves during annotate: {count}, {lost} lost; annotate left the layer alone {skipped} times "
          "(the save came while it was working) and re-read it the other times")
    return lost == 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "scholion"))
    parser.add_argument("--edits", type=int, default=200)
    parser.add_argument("--kills", type=int, default=30)
    parser.add_argument("--saves", type=int, default=20)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--parts", default="edits,kills,saves", help="which parts to run, comma-separated")
    args = parser.parse_args()
    args.binary = os.path.abspath(args.binary)
    if not os.access(args.binary, os.X_OK):
        raise SystemExit(f"{args.binary}: no scholion binary; build it (swift build -c release) or name one with --binary")
    rng = random.Random(args.seed)
    parts = set(args.parts.split(","))
    ok = True
    if "edits" in parts:
        ok &= edits(args.binary, args.edits, rng)
    if "kills" in parts:
        ok &= kills(args.binary, args.kills, rng)
    if "saves" in parts:
        ok &= saves(args.binary, args.saves, rng)
    print("reliability: " + ("all checks passed" if ok else "FAILED"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
