#!/usr/bin/env python3
"""Counts the requests an application sends to DynamoDB, by operation and table, on their way to DynamoDB Local.

A plain HTTP proxy: point the app's DynamoDB endpoint at it (--boxoffice.dynamodb.mode=ENDPOINT
--boxoffice.dynamodb.endpoint=http://127.0.0.1:LISTEN), and it forwards every request to DynamoDB Local at UPSTREAM.
GET /       prints the counts so far, most frequent first: count, operation, table(s)
GET /reset  prints them and starts again from zero
A transaction or batch is counted once, under every table it names. Only the Python standard library is used.

Usage: bench/dynamodb-requests.py [--listen 8701] [--upstream http://127.0.0.1:8000]
"""
import argparse
import collections
import http.client
import http.server
import json
import socketserver
import threading
import urllib.parse

parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("--listen", type=int, default=8701)
parser.add_argument("--upstream", default="http://127.0.0.1:8000")
options = parser.parse_args()
upstream = urllib.parse.urlparse(options.upstream)
counts = collections.Counter()
lock = threading.Lock()


def tables_of(operation, request):
    """The table(s) a request names: one, or every table of a transaction or batch."""
    if operation in ("TransactWriteItems", "TransactGetItems"):
        return "+".join(sorted({next(iter(item.values()))["TableName"] for item in request["TransactItems"]}))
    if operation in ("BatchWriteItem", "BatchGetItem"):
        return "+".join(sorted(request.get("RequestItems", {})))
    return request.get("TableName", "-")


class Forwarder(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        operation = self.headers.get("X-Amz-Target", "?").split(".")[-1]
        try:
            table = tables_of(operation, json.loads(body))
        except (ValueError, KeyError, StopIteration, AttributeError):
            table = "?"
        with lock:
            counts[(operation, table)] += 1
        connection = http.client.HTTPConnection(upstream.hostname, upstream.port or 80)
        try:
            connection.request("POST", self.path, body, {k: v for k, v in self.headers.items() if k.lower() != "host"})
            answer = connection.getresponse()
            data = answer.read()
        finally:
            connection.close()
        self.send_response(answer.status)
        for name, value in answer.getheaders():
            if name.lower() not in ("transfer-encoding", "connection", "content-length"):
                self.send_header(name, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        with lock:
            text = "".join(f"{n}\t{operation}\t{table}\n" for (operation, table), n in counts.most_common())
            if self.path == "/reset":
                counts.clear()
        data = text.encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True


print(f"Counting DynamoDB requests on :{options.listen}, forwarded to {options.upstream}", flush=True)
Server(("127.0.0.1", options.listen), Forwarder).serve_forever()
