#!/usr/bin/env python3
"""Receives IceWatch's webhook pages on 127.0.0.1 and prints what on-call would read.

  python3 tools/page-listener.py [PORT] [--secret SECRET] [--once]

PORT defaults to 9000. With --secret, each page's X-IceWatch-Signature (HMAC-SHA256 of
"<timestamp>.<body>") is checked and a page that fails the check is refused with 401. --once
stops after the first page. Answers 204 to every page it accepts.
"""
import hashlib
import hmac
import http.server
import json
import sys


def main() -> None:
    args = sys.argv[1:]
    port = int(args[0]) if args and args[0].isdigit() else 9000
    secret = args[args.index("--secret") + 1].encode() if "--secret" in args else None
    once = "--once" in args
    pages = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            if secret is not None:
                signed = self.headers.get("X-IceWatch-Timestamp", "").encode() + b"." + body
                expected = "sha256=" + hmac.new(secret, signed, hashlib.sha256).hexdigest()
                if not hmac.compare_digest(expected, self.headers.get("X-IceWatch-Signature", "")):
                    print("refused a page with a bad signature", flush=True)
                    self.send_response(401)
                    self.end_headers()
                    return
            self.send_response(204)
            self.end_headers()
            self.wfile.flush()
            page = json.loads(body)
            pages.append(page)
            incident = page["incident"]
            print(f"{page['event']}: {incident['title']}{' (signature ok)' if secret else ''}", flush=True)
            for cause in incident.get("causes", []):
                print(f"  {cause['text']}", flush=True)
            for session in incident.get("worstSessions", []):
                print(f"  worst session: {session['sessionId']} ({session['failed']} failed) {session['url']}", flush=True)

        def log_message(self, *_: object) -> None:
            pass

    server = http.server.HTTPServer(("127.0.0.1", port), Handler)
    print(f"listening for pages on http://127.0.0.1:{port}/", flush=True)
    try:
        while not (once and pages):
            server.handle_request()
    except KeyboardInterrupt:
        pass
    server.server_close()


if __name__ == "__main__":
    main()
