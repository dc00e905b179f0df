package com.boxoffice.cart.query;

import com.boxoffice.cart.api.CartStatus;
import com.boxoffice.cart.api.CartView;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/** The store's contract in memory, to test the projection's logic without DynamoDB. */
final class InMemoryCartViewStore implements CartViewStore {

    private record Entry(CartView cart, long sequence) {
    }

    private final Map<UUID, Entry> entries = new HashMap<>();
    int writes;

    @Override
    public void create(CartView cart, long sequence) {
        if (entries.putIfAbsent(cart.cartId(), new Entry(cart, sequence)) == null) {
            writes++;
        }
    }

    @Override
    public void update(UUID cartId, long sequence, UnaryOperator<CartView> change) {
        Entry entry = entries.get(cartId);
        if (entry == null) {
            throw new IllegalStateException("No cart " + cartId);
        }
        if (entry.sequence() < sequence) {
            entries.put(cartId, new Entry(change.apply(entry.cart()), sequence));
            writes++;
        }
    }

    @Override
    public Optional<CartView> find(UUID cartId) {
        return Optional.ofNullable(entries.get(cartId)).map(Entry::cart);
    }

    @Override
    public List<CartView> openSince(Instant openedAtOrBefore, int limit) {
        return entries.values().stream().map(Entry::cart)
                .filter(cart -> cart.status() == CartStatus.OPEN && !cart.openedAt().isAfter(openedAtOrBefore))
                .sorted(Comparator.comparing(CartView::openedAt)).limit(limit).toList();
    }

    @Override
    public void clear() {
        entries.clear();
    }
}
