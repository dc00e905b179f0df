package com.boxoffice.bench;

import java.util.List;

/** An aggregate's state as a snapshot payload: a few hundred bytes. */
public record BenchSnapshot(String aggregateId, long version, List<String> openOrders) {
}
