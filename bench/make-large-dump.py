#!/usr/bin/env python3
"""Grows a real dump into a large one for benchmarks.

The transformation is plain repetition: the peer connections of the source dump are
copied under new ids ("9999-<n>") until the output reaches the requested size, so every
byte is real Chrome output. A webrtc-internals dump (a JSON object) repeats its
"PeerConnections" entries; an rtcstats dump (first line "RTCStatsDump") repeats its
peer connection lines in their order, after the two header lines and the lines that
belong to no peer connection. Written as a stream, so the generator itself stays small.

usage: make-large-dump.py SOURCE OUTPUT SIZE_MB
"""
import json
import re
import sys


def webrtc_internals(source, output, target):
    with open(source, encoding="utf-8") as f:
        dump = json.load(f)
    pcs = list(dump["PeerConnections"].items())
    head = {k: v for k, v in dump.items() if k != "PeerConnections"}
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
    return n, written


# [method, "peerConnectionId", ...: the id is the second element of every line about a peer connection.
LINE_ID = re.compile(r'^(\["(?:[^"\\]|\\.)*",)"([^"\\]*)",')


def rtcstats(source, output, target):
    with open(source, encoding="utf-8") as f:
        lines = f.read().splitlines()
    header, body = lines[:2], lines[2:]
    once = [line for line in body if not LINE_ID.match(line)]
    repeated = [line for line in body if LINE_ID.match(line)]
    with open(output, "w", encoding="utf-8") as out:
        out.write("\n".join(header + once) + "\n")
        written, copies, names = 0, 0, {}
        while written < target:
            copies += 1
            names.clear()
            for line in repeated:
                m = LINE_ID.match(line)
                new_id = names.setdefault(m.group(2), f"9999-{copies}-{len(names) + 1}")
                text = m.group(1) + json.dumps(new_id) + "," + line[m.end():] + "\n"
                out.write(text)
                written += len(text)
    return copies * len({LINE_ID.match(l).group(2) for l in repeated}), written


def main() -> None:
    source, output, size_mb = sys.argv[1], sys.argv[2], float(sys.argv[3])
    target = int(size_mb * 1024 * 1024)
    with open(source, "rb") as f:
        is_rtcstats = f.read(12) == b"RTCStatsDump"
    n, written = (rtcstats if is_rtcstats else webrtc_internals)(source, output, target)
    print(f"{output}: {n} peer connections, {written / 1048576:.1f} MB of peer connection data")


if __name__ == "__main__":
    main()
