#!/usr/bin/env python3
"""Crossings of concerto's layout against Graphviz neato on the same graph.

For each situation file given, prints concerto's --layout-stats line and the
number of link crossings neato's layout gives for the same nodes and links
(counted the same way: straight segments between centres, pairs that share
an end do not count). A third column gives neato with the family pinned
where concerto's genogram puts it (generations on rows), placing only the
professionals and institutions: what a general-purpose layout achieves
under the genogram's constraint. A benchmark, not a test: run it by hand.

    tests/bench/crossings_vs_neato.py build/release/concerto FILE... [--size WxH]
"""
import re
import subprocess
import sys

PERSON_KEYWORDS = {"person", "personne"}
NODE_KEYWORDS = PERSON_KEYWORDS | {"pro", "professionnel", "professionnelle", "institution"}
LINK_KEYWORDS = {"link", "lien"}


def fold(word):
    return word.lower().replace("é", "e").replace("è", "e")


def read_graph(path):
    """Node ids, links, and which ids are persons (family and circle)."""
    nodes, links, persons = [], [], set()
    with open(path, encoding="utf-8", errors="replace") as handle:
        for line in handle:
            words = re.sub(r'"([^"\\]|\\.)*"', '""', line.split("#")[0]).split()
            if len(words) < 2:
                continue
            keyword = fold(words[0])
            if keyword in NODE_KEYWORDS:
                nodes.append(words[1])
                if keyword in PERSON_KEYWORDS:
                    persons.add(words[1])
            elif keyword in LINK_KEYWORDS and len(words) >= 3:
                links.append((words[1], words[2]))
    return nodes, links, persons


def neato_positions(nodes, links, pinned=None):
    """neato's positions; `pinned` maps ids to fixed (x, y) in pixels."""
    pinned = pinned or {}
    # Overlap removal could shift pinned nodes: without it, neato only gains.
    dot = ["graph g {", "overlap=%s;" % ("true" if pinned else "false"), "splines=false;"]
    for n in nodes:
        if n in pinned:
            x, y = pinned[n]
            dot.append('"%s" [pos="%.3f,%.3f!", pin=true];' % (n, x / 72.0, -y / 72.0))
        else:
            dot.append('"%s";' % n)
    dot += ['"%s" -- "%s";' % link for link in links]
    dot.append("}")
    plain = subprocess.run(["neato", "-Tplain"], input="\n".join(dot), capture_output=True,
                           text=True, check=True).stdout
    positions = {}
    for line in plain.splitlines():
        parts = line.split()
        if parts and parts[0] == "node":
            positions[parts[1].strip('"')] = (float(parts[2]), float(parts[3]))
    return positions


def crosses(p, q, r, s):
    def orient(a, b, c):
        return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])
    d1, d2 = orient(r, s, p), orient(r, s, q)
    d3, d4 = orient(p, q, r), orient(p, q, s)
    return ((d1 > 0 > d2) or (d1 < 0 < d2)) and ((d3 > 0 > d4) or (d3 < 0 < d4))


def count_crossings(positions, links):
    total = 0
    for i, (a, b) in enumerate(links):
        for c, d in links[i + 1:]:
            if len({a, b, c, d}) < 4:
                continue
            if crosses(positions[a], positions[b], positions[c], positions[d]):
                total += 1
    return total


def main():
    binary, files = sys.argv[1], [a for a in sys.argv[2:] if not a.startswith("--")]
    size = "1920x1080"
    if "--size" in sys.argv:
        size = sys.argv[sys.argv.index("--size") + 1]
        files = [f for f in files if f != size]
    print("| file | concerto crossings | neato crossings | neato, family pinned |")
    print("| --- | --- | --- | --- |")
    for path in files:
        output = subprocess.run([binary, "--layout-stats", path, "--size", size, "--positions"],
                                capture_output=True, text=True).stdout.splitlines()
        stats = output[0].strip() if output else ""
        ours = re.search(r"crossings=(\d+)", stats)
        placed = {}
        for line in output[1:]:
            parts = line.split()
            if len(parts) == 4 and parts[0] == "node":
                placed[parts[1]] = (float(parts[2]), float(parts[3]))
        nodes, links, persons = read_graph(path)
        theirs = count_crossings(neato_positions(nodes, links), links)
        family = {n: placed[n] for n in persons if n in placed}
        pinned = count_crossings(neato_positions(nodes, links, family), links)
        print("| %s | %s | %d | %d |" % (path.split("/")[-1], ours.group(1) if ours else "?",
                                         theirs, pinned))
        print("  " + stats, file=sys.stderr)


if __name__ == "__main__":
    main()
