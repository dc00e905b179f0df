package com.boxoffice.ticketing.query;

/**
 * What one event changes in a concert's catalogue entry: counter moves and, possibly, the cancellation.
 *
 * @param reservedDelta added to the reserved count
 * @param soldDelta     added to the sold count
 * @param cancels       whether the concert becomes {@code CANCELLED}
 */
public record CatalogueChange(int reservedDelta, int soldDelta, boolean cancels) {

    public static CatalogueChange reserved(int quantity) {
        return new CatalogueChange(quantity, 0, false);
    }

    public static CatalogueChange confirmed(int quantity) {
        return new CatalogueChange(-quantity, quantity, false);
    }

    public static CatalogueChange released(int quantity) {
        return new CatalogueChange(-quantity, 0, false);
    }

    public static CatalogueChange cancelled() {
        return new CatalogueChange(0, 0, true);
    }
}
