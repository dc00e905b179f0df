#!/usr/bin/env python3
"""Read-model lag of a running Boxoffice: after each command's answer, poll (every 5 ms) the query that shows it and
time how long until it does. Measures the concert catalogue (POST /api/concerts -> GET /api/concerts/{id}), the cart
view (POST /api/carts -> GET /api/carts/{id}), the order view (POST .../checkout -> GET /api/orders/{id}), the whole
checkout (202 -> order CONFIRMED, two contexts and four steps) and the event trail (checkout -> its request's chain
ends in OrderConfirmed). One command at a time, 300 ms apart. Tokens of the development issuer's demo users: staff
schedule, the customer buys, the operator reads the event trail. Usage: bench/view-lag.py [base-url] [count]"""
import base64
import json
import sys
import time
import urllib.error
import urllib.request
import uuid

base = sys.argv[1] if len(sys.argv) > 1 else "http://localhost:8080"
count = int(sys.argv[2]) if len(sys.argv) > 2 else 30


def token(user):
    """A token of the development issuer for a demo user (secret: <user>-secret), as the README's curl gets it."""
    basic = base64.b64encode(f"{user}:{user}-secret".encode()).decode()
    request = urllib.request.Request(base + "/oauth2/token", data=b"grant_type=client_credentials", method="POST",
                                     headers={"Authorization": "Basic " + basic,
                                              "Content-Type": "application/x-www-form-urlencoded"})
    with urllib.request.urlopen(request) as response:
        return json.loads(response.read())["access_token"]


tokens = {user: token(user) for user in ("sam", "alice", "olga")}


def user_for(method, path):
    if path.startswith("/api/requests") or path.startswith("/api/events"):
        return "olga"
    return "sam" if path.startswith("/api/concerts") and method == "POST" else "alice"


def call(method, path, body=None, headers=None):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(base + path, data=data, method=method,
                                     headers={"Content-Type": "application/json",
                                              "Authorization": "Bearer " + tokens[user_for(method, path)],
                                              **(headers or {})})
    with urllib.request.urlopen(request) as response:
        text = response.read()
        return json.loads(text) if text else None


def wait_until(check):
    """Milliseconds from now until check() is true (HTTP errors count as not yet)."""
    start = time.perf_counter()
    while True:
        try:
            if check():
                return (time.perf_counter() - start) * 1000
        except urllib.error.HTTPError:
            pass
        time.sleep(0.005)


lags = {"catalogue": [], "cart view": [], "order view": [], "checkout confirmed": [], "event trail": []}
for i in range(count):
    concert = call("POST", "/api/concerts", {"name": f"Lag {i}", "venue": "Hall", "startsAt": "2030-06-01T20:00:00Z",
                                            "capacity": 10, "ticketPrice": "10.00"})["concertId"]
    lags["catalogue"].append(wait_until(lambda: call("GET", f"/api/concerts/{concert}")))

    cart = call("POST", "/api/carts")["cartId"]
    lags["cart view"].append(wait_until(lambda: call("GET", f"/api/carts/{cart}")))
    call("POST", f"/api/carts/{cart}/items", {"concertId": concert, "quantity": 1})

    request_id = str(uuid.uuid4())
    order = call("POST", f"/api/carts/{cart}/checkout", headers={"X-Request-Id": request_id})["orderId"]
    answered = time.perf_counter()
    lags["order view"].append(wait_until(lambda: call("GET", f"/api/orders/{order}")))
    wait_until(lambda: call("GET", f"/api/orders/{order}")["status"] == "CONFIRMED")
    lags["checkout confirmed"].append((time.perf_counter() - answered) * 1000)
    wait_until(lambda: any(e["type"] == "OrderConfirmed" for e in call("GET", f"/api/requests/{request_id}/events")))
    lags["event trail"].append((time.perf_counter() - answered) * 1000)
    time.sleep(0.3)

for name, values in lags.items():
    values.sort()
    print("%-20s n=%d p50=%.0f ms p90=%.0f ms max=%.0f ms"
          % (name, len(values), values[len(values) // 2], values[int(len(values) * 0.9)], values[-1]))
