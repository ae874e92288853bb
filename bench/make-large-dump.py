#!/usr/bin/env python3
"""Grows a real webrtc-internals dump into a large one for benchmarks.

The transformation is plain repetition: the peer connections of the source dump are
copied under new ids ("<pid>-<n>") until the output reaches the requested size, so every
byte is real Chrome output. Written as a stream, so the generator itself stays small.

usage: make-large-dump.py SOURCE.json OUTPUT.json SIZE_MB
"""
import json
import sys


def main() -> None:
    source, output, size_mb = sys.argv[1], sys.argv[2], float(sys.argv[3])
    with open(source, encoding="utf-8") as f:
        dump = json.load(f)
    pcs = list(dump["PeerConnections"].items())
    head = {k: v for k, v in dump.items() if k != "PeerConnections"}
    target = int(size_mb * 1024 * 1024)
    with open(output, "w", encoding="utf-8") as out:
        out.write(json.dumps(head)[:-1] + ', "PeerConnections": {')
        written, n = 0, 0
        while written < target:
            for _, pc in pcs:
                n += 1
                text = json.dumps(pc)
                out.write(("," if n > 1 else "") + json.dumps(f"9999-{n}") + ":" + text)
                written += len(text)
        out.write("}}")
    print(f"{output}: {n} peer connections, {written / 1048576:.1f} MB of peer connection data")


if __name__ == "__main__":
    main()
