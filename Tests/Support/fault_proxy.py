"""An HTTP proxy for tests that sits between lisa and moto_server and misbehaves on purpose.

    fault_proxy.py --listen PORT --upstream http://127.0.0.1:MOTO --ready FILE

Counting requests per DynamoDB action, it answers some with a throttling error, some with HTTP 500,
drops some connections without a response (a write applied upstream first), hands back part of every BatchWriteItem as
UnprocessedItems and part of every BatchGetItem as UnprocessedKeys. Only calls lisa may safely repeat
are dropped or failed after the fact. Counts of each fault, and of the requests per action ("sent:PutItem"),
go to stderr when it stops.
"""
import argparse, collections, http.server, json, signal, socket, socketserver, struct, sys, threading, urllib.request

FAULTS = collections.Counter()
LOCK = threading.Lock()
SEEN = collections.Counter()

def action_of(headers):
    target = headers.get("X-Amz-Target", "")
    return target.split(".")[-1] if target else ""

class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    upstream = ""

    def log_message(self, *args):
        pass

    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        body = self.rfile.read(length)
        action = action_of(self.headers)
        with LOCK:
            SEEN[action] += 1
            n = SEEN[action]
        if action in ("Scan", "BatchWriteItem", "BatchGetItem", "GetItem", "PutItem", "DescribeTable"):
            if n % 7 == 2:
                return self.fault("throttle", 400, {"__type": "com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException",
                                                    "message": "Rate of requests exceeds the allowed throughput."})
            if n % 11 == 5:
                return self.fault("500", 500, {"__type": "com.amazonaws.dynamodb.v20120810#InternalServerError", "message": "boom"})
            if n % 13 == 7 and action != "DescribeTable" and FAULTS["drop"] < 2:
                with LOCK:
                    FAULTS["drop"] += 1
                if action in ("BatchWriteItem", "PutItem"):
                    self.forward(body)  # applied upstream, but the answer never arrives
                # A reset, as a broken network path gives: the client learns at once that no answer comes.
                self.close_connection = True
                self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                self.connection.close()
                return
        if action == "BatchWriteItem":
            return self.partial_batch_write(body)
        if action == "BatchGetItem" and n % 3 == 0:
            return self.partial_batch_get(body)
        status, headers, data = self.forward(body)
        self.reply(status, headers, data)

    def partial_batch_write(self, body):
        request = json.loads(body)
        (table, items), = request["RequestItems"].items()
        keep, rest = items[: max(1, len(items) // 2)], items[max(1, len(items) // 2):]
        status, headers, data = self.forward(json.dumps({"RequestItems": {table: keep}}).encode())
        if status == 200 and rest:
            with LOCK:
                FAULTS["unprocessedItems"] += len(rest)
            data = json.dumps({"UnprocessedItems": {table: rest}}).encode()
        self.reply(status, headers, data)

    def partial_batch_get(self, body):
        request = json.loads(body)
        (table, spec), = request["RequestItems"].items()
        keys = spec["Keys"]
        keep, rest = keys[: max(1, len(keys) // 2)], keys[max(1, len(keys) // 2):]
        status, headers, data = self.forward(json.dumps({"RequestItems": {table: dict(spec, Keys=keep)}}).encode())
        if status == 200 and rest:
            with LOCK:
                FAULTS["unprocessedKeys"] += len(rest)
            answer = json.loads(data)
            answer["UnprocessedKeys"] = {table: dict(spec, Keys=rest)}
            data = json.dumps(answer).encode()
        self.reply(status, headers, data)

    def fault(self, name, status, payload):
        with LOCK:
            FAULTS[name] += 1
        self.reply(status, {"Content-Type": "application/x-amz-json-1.0"}, json.dumps(payload).encode())

    def forward(self, body):
        request = urllib.request.Request(self.upstream + self.path, data=body, method="POST")
        for name, value in self.headers.items():
            if name.lower() not in ("host", "content-length", "connection"):
                request.add_header(name, value)
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                return response.status, dict(response.headers), response.read()
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read()

    def reply(self, status, headers, data):
        self.send_response(status)
        for name, value in headers.items():
            if name.lower() not in ("content-length", "transfer-encoding", "connection", "date", "server"):
                self.send_header(name, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def handle_error(self, request, client_address):
        pass  # dropped connections are the point; no tracebacks

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--listen", type=int, required=True)
    parser.add_argument("--upstream", required=True)
    parser.add_argument("--ready", required=True)
    args = parser.parse_args()
    Handler.upstream = args.upstream.rstrip("/")
    server = Server(("127.0.0.1", args.listen), Handler)
    def stop(*_):
        sys.stderr.write(json.dumps(dict(FAULTS, **{f"sent:{action}": n for action, n in SEEN.items()})) + "\n")
        sys.stderr.flush()
        threading.Thread(target=server.shutdown).start()
    signal.signal(signal.SIGTERM, stop)
    # Test runners may start children with SIGTERM blocked; this proxy must hear it to report and stop.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGTERM])
    open(args.ready, "w").close()
    server.serve_forever()

if __name__ == "__main__":
    main()
