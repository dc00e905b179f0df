#!/usr/bin/env python3
"""An on-sale over HTTP, as shoppers do it, against a running Boxoffice.

Schedules one concert of CAPACITY tickets, waits until the catalogue lists it, makes CARTS carts of one ticket each
(before the on-sale starts), then CLIENTS concurrent clients check them all out and follow their orders until each is
final (CONFIRMED or REJECTED), polled by a few followers. Prints orders settled per second (first checkout sent to last order final), the
checkout answer's p50/p99, the counts, and the catalogue's `available` once it has settled; exits 1 when the counts are
not exact (CAPACITY confirmed, the rest rejected, available 0).

Tokens come from the development issuer (`POST /oauth2/token`, client credentials): the concert is scheduled by a
staff member (--staff), the carts are one customer's (--customer). Checkouts carry an Idempotency-Key, so a checkout
sent again after a lost connection places no second order.

Usage: bench/onsale.py [--base http://localhost:8080] [--capacity 1500] [--carts 2000] [--clients 64] [--followers 4]
                       [--staff sam:sam-secret] [--customer alice:alice-secret]
Only the Python standard library is used.
"""
import argparse
import base64
import http.client
import json
import sys
import threading
import time
import urllib.parse
import uuid
from datetime import datetime, timedelta, timezone

parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("--base", default="http://localhost:8080")
parser.add_argument("--capacity", type=int, default=1500)
parser.add_argument("--carts", type=int, default=2000)
parser.add_argument("--clients", type=int, default=64)
parser.add_argument("--followers", type=int, default=4, help="threads that poll the orders until they are final")
parser.add_argument("--timeout", type=float, default=600, help="seconds to wait for every order to be final")
parser.add_argument("--staff", default="sam:sam-secret", help="id:secret of a staff member at the development issuer")
parser.add_argument("--customer", default="alice:alice-secret", help="id:secret of a customer at the development issuer")
options = parser.parse_args()
target = urllib.parse.urlparse(options.base)


def token(credentials):
    """A token of the development issuer for id:secret, as the README's curl gets it."""
    connection = http.client.HTTPConnection(target.hostname, target.port or 80, timeout=60)
    basic = base64.b64encode(credentials.encode()).decode()
    connection.request("POST", "/oauth2/token", body="grant_type=client_credentials",
                       headers={"Authorization": "Basic " + basic, "Content-Type": "application/x-www-form-urlencoded"})
    response = connection.getresponse()
    answer = json.loads(response.read() or b"{}")
    if response.status != 200:
        raise SystemExit(f"No token for {credentials.split(':')[0]}: {response.status} {answer}")
    return answer["access_token"]


class Client:
    """One keep-alive HTTP connection, as one shopper's browser would hold, with the shopper's token."""

    token = None

    def __init__(self):
        self.connection = http.client.HTTPConnection(target.hostname, target.port or 80, timeout=60)

    def call(self, method, path, body=None, idempotency_key=None):
        data = json.dumps(body) if body is not None else None
        headers = {"Content-Type": "application/json", "Authorization": "Bearer " + self.token}
        if idempotency_key:
            headers["Idempotency-Key"] = idempotency_key
        for attempt in range(3):
            try:
                self.connection.request(method, path, body=data, headers=headers)
                response = self.connection.getresponse()
                text = response.read()
                return response.status, (json.loads(text) if text else None)
            except (http.client.HTTPException, ConnectionError):
                self.connection.close()
                self.connection = http.client.HTTPConnection(target.hostname, target.port or 80, timeout=60)
                if attempt == 2:
                    raise

    def expect(self, method, path, status, body=None, idempotency_key=None):
        got, answer = self.call(method, path, body, idempotency_key)
        if got != status:
            raise SystemExit(f"{method} {path} answered {got}, expected {status}: {answer}")
        return answer


def run_in_parallel(items, work):
    """Splits items over the clients, one thread and connection each; returns when all are done."""
    errors = []

    def worker(chunk):
        client = Client()
        try:
            for item in chunk:
                work(client, item)
        except BaseException as e:  # reported after the join, so one failing client stops the run
            errors.append(e)

    threads = [threading.Thread(target=worker, args=(items[i::options.clients],)) for i in range(options.clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise errors[0]


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * fraction))]


def main():
    Client.token = token(options.customer)
    admin = Client()
    admin.token = token(options.staff)
    starts = (datetime.now(timezone.utc) + timedelta(days=30)).strftime("%Y-%m-%dT%H:%M:%SZ")
    concert = admin.expect("POST", "/api/concerts", 201, {"name": "On-sale " + uuid.uuid4().hex[:8], "venue": "Arena",
                                                          "startsAt": starts, "capacity": options.capacity,
                                                          "ticketPrice": "50.00"})["concertId"]
    while admin.call("GET", f"/api/concerts/{concert}")[0] != 200:
        time.sleep(0.05)

    carts = []
    lock = threading.Lock()

    def make_cart(client, _):
        cart = client.expect("POST", "/api/carts", 201)["cartId"]
        while True:  # the cart's view follows its events by a moment
            status, _ = client.call("POST", f"/api/carts/{cart}/items", {"concertId": concert, "quantity": 1})
            if status == 200:
                break
            if status != 404:
                raise SystemExit(f"adding to cart {cart} answered {status}")
            time.sleep(0.02)
        with lock:
            carts.append(cart)

    print(f"Making {options.carts} carts of one ticket of concert {concert} ({options.capacity} tickets)...", flush=True)
    making = time.perf_counter()
    run_in_parallel(list(range(options.carts)), make_cart)

    answers = []
    finals = {}

    def check_out(client, cart):
        sent = time.perf_counter()
        order = client.expect("POST", f"/api/carts/{cart}/checkout", 202, idempotency_key="checkout-" + cart)["orderId"]
        with lock:
            answers.append(time.perf_counter() - sent)
            finals[order] = None
        return order

    def follow(client, orders, deadline):
        """One round over the orders not final yet, again and again: few followers, so the polling itself (a read per
        order per round) does not crowd out the writes it is waiting for."""
        pending = list(orders)
        while pending and time.perf_counter() < deadline:
            still = []
            for order in pending:
                status, view = client.call("GET", f"/api/orders/{order}")
                if status == 200 and view["status"] in ("CONFIRMED", "REJECTED"):
                    with lock:
                        finals[order] = (view["status"], time.perf_counter())
                else:
                    still.append(order)
            pending = still
            if pending:
                time.sleep(0.05)

    print(f"Made them in {time.perf_counter() - making:.1f} s. Checking out {len(carts)} carts from "
          f"{options.clients} clients...", flush=True)
    started = time.perf_counter()
    run_in_parallel(carts, check_out)
    deadline = time.perf_counter() + options.timeout
    orders = list(finals)
    followers = [threading.Thread(target=follow, args=(Client(), orders[i::options.followers], deadline))
                 for i in range(options.followers)]
    for follower in followers:
        follower.start()
    for follower in followers:
        follower.join()
    unsettled = sum(1 for final in finals.values() if final is None)
    if unsettled:
        print(f"{unsettled} orders were still not final {options.timeout:.0f} s after the last checkout")
    settled = [final for final in finals.values() if final is not None]
    elapsed = max(final[1] for final in settled) - started

    confirmed = sum(1 for final in settled if final[0] == "CONFIRMED")
    rejected = sum(1 for final in settled if final[0] == "REJECTED")
    deadline = time.perf_counter() + 60
    available = admin.expect("GET", f"/api/concerts/{concert}", 200)["available"]
    while available != max(0, options.capacity - len(carts)) and time.perf_counter() < deadline:
        time.sleep(0.1)
        available = admin.expect("GET", f"/api/concerts/{concert}", 200)["available"]

    print(f"{len(settled)} orders settled in {elapsed:.1f} s = {len(settled) / elapsed:.1f} orders settled/s; "
          f"checkout answer p50 {percentile(answers, 0.5) * 1000:.0f} ms, p99 {percentile(answers, 0.99) * 1000:.0f} ms")
    print(f"CONFIRMED {confirmed}, REJECTED {rejected}, available {available}")
    expected_confirmed = min(options.capacity, len(carts))
    exact = confirmed == expected_confirmed and rejected == len(carts) - expected_confirmed \
        and available == options.capacity - expected_confirmed
    print("counts exact" if exact else "COUNTS NOT EXACT")
    sys.exit(0 if exact else 1)


main()
