#!/usr/bin/env python3
"""Catalogue lag of a running Boxoffice: schedule concerts one at a time and time how long after the 201 answer
GET /api/concerts/{id} first finds each one (polling every 5 ms). Usage: bench/catalogue-lag.py [base-url] [count]"""
import json
import sys
import time
import urllib.error
import urllib.request

base = sys.argv[1] if len(sys.argv) > 1 else "http://localhost:8080"
count = int(sys.argv[2]) if len(sys.argv) > 2 else 30
lags = []
for i in range(count):
    body = json.dumps({"name": f"Lag {i}", "venue": "Hall", "startsAt": "2030-06-01T20:00:00Z",
                       "capacity": 10, "ticketPrice": "10.00"}).encode()
    request = urllib.request.Request(f"{base}/api/concerts", data=body,
                                     headers={"Content-Type": "application/json"}, method="POST")
    concert = json.load(urllib.request.urlopen(request))["concertId"]
    answered = time.perf_counter()
    while True:
        try:
            urllib.request.urlopen(f"{base}/api/concerts/{concert}")
            break
        except urllib.error.HTTPError:
            time.sleep(0.005)
    lags.append((time.perf_counter() - answered) * 1000)
    time.sleep(0.3)
lags.sort()
print("n=%d p50=%.0f ms p90=%.0f ms max=%.0f ms" % (len(lags), lags[len(lags) // 2], lags[int(len(lags) * 0.9)], lags[-1]))
