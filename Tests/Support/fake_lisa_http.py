"""The HTTP side shared by lisa's fake LISA servers (fake_lisa_models.py, fake_lisa_tokens.py).

A JSON server on 127.0.0.1 behind LISA's API Gateway stage prefix: paths outside the stage get
API Gateway's 403 "Missing Authentication Token"; /_control/... is the tests' own route (no auth).
Requests reach the fake as they reach LISA's FastAPI apps (docs/lisa/models-api.md#routes, #paths):
dot segments resolved as HTTP intermediaries do, then the whole path percent-decoded (Mangum's
`unquote`) before it is split into route parts, so `%2F` becomes a separator; bodies over 1 MiB get
413, and any unexpected exception the generic 500 body.
A fake module supplies `state` (with a "requests" list), `lock`, `reset()`, `control(parts, body)`,
`handle(method, parts, headers, body) -> (status, body)` (raising ApiError for error answers) and
`INVALID_JSON` (the status and body LISA answers to a body that is not JSON). A module with
`RAW_REQUESTS = True` (fake_lisa_rag.py, whose handlers parse bodies themselves) gets
`handle(method, parts, headers, body_text, query)` instead, the query as API Gateway's single-value map. `run(module)` parses
the common arguments into `module.ARGS` and serves until killed.
"""

import argparse
import json
import re
import signal
import sys
import traceback
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, unquote, urlparse

MAX_BODY = 1024 * 1024
GENERIC_500 = {"error": "Internal Server Error", "message": "An unexpected error occurred while processing your request"}
TOO_LARGE = {"error": "Payload Too Large", "message": f"Request body size exceeds maximum allowed size of {MAX_BODY} bytes"}


class ApiError(Exception):
    def __init__(self, status, body):
        super().__init__(status)
        self.status, self.body = status, body


def bearer(headers):
    return re.sub(r"^[Bb]earer ", "", headers.get("Authorization") or "")


def due_fault(faults, method, path):
    """The first scripted fault for this request, its count used up by one; None when there is none."""
    for fault in faults:
        if fault.get("count", 1) > 0 and fault.get("method", method) == method and fault.get("path", path) == path:
            fault["count"] = fault.get("count", 1) - 1
            return fault
    return None


def resolve_dots(path):
    """RFC 3986 remove_dot_segments on the raw path: `/prod/models/..` is `/prod`."""
    out = []
    for segment in path.split("/"):
        if segment == "..":
            if len(out) > 1:
                out.pop()
        elif segment != ".":
            out.append(segment)
    return "/".join(out) or "/"


def split_path(path):
    return [p for p in unquote(path).split("/") if p]


def handler_for(fake):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def answer(self, status, body):
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.send_header("x-amzn-RequestId", f"req-{len(fake.state['requests'])}")
            self.end_headers()
            self.wfile.write(data)

        def handle_any(self):
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length) if length else b""
            path = resolve_dots(urlparse(self.path).path)
            stage = fake.ARGS.stage
            with fake.lock:
                try:
                    if path.startswith("/_control/"):
                        return self.answer(200, fake.control(split_path(path)[1:], json.loads(raw) if raw else {}))
                    if not path.startswith(stage + "/"):
                        return self.answer(403, {"message": "Missing Authentication Token"})
                    if length > MAX_BODY:
                        return self.answer(413, TOO_LARGE)
                    parts = split_path(path[len(stage):])
                    if getattr(fake, "RAW_REQUESTS", False):
                        query = {k: v[-1] for k, v in parse_qs(urlparse(self.path).query, keep_blank_values=True).items()}
                        text = raw.decode("utf-8", "replace")
                        return self.answer(*fake.handle(self.command, parts, self.headers, text, query))
                    try:
                        body = json.loads(raw) if raw else None
                    except ValueError:
                        return self.answer(*fake.INVALID_JSON)
                    return self.answer(*fake.handle(self.command, parts, self.headers, body))
                except ApiError as error:
                    return self.answer(error.status, error.body)
                except Exception:  # what LISA's generic exception handler turns into a 500
                    traceback.print_exc(file=sys.stderr)
                    return self.answer(500, GENERIC_500)

        do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = handle_any

    return Handler


def run(fake, extra_arguments=None):
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--token", default="")
    parser.add_argument("--read-token", default="")
    parser.add_argument("--stage", default="/prod")
    if extra_arguments:
        extra_arguments(parser)
    fake.ARGS = parser.parse_args()
    # A parent that blocks SIGTERM passes the mask on; unblock it so a plain kill stops the server.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGTERM, signal.SIGINT])
    fake.reset()
    ThreadingHTTPServer(("127.0.0.1", fake.ARGS.port), handler_for(fake)).serve_forever()
