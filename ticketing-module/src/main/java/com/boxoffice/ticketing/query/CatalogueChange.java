package com.boxoffice.ticketing.query;

/**
 * What one event changes in a concert's catalogue entry: counter moves and, possibly, the cancellation.
 *
 * @param reservedDelta added to the count of tickets held or sold
 * @param soldDelta     added to the sold count (events of earlier versions kept held and sold apart)
 * @param cancels       whether the concert becomes {@code CANCELLED}
 */
public record CatalogueChange(int reservedDelta, int soldDelta, boolean cancels) {

    /** Tickets the concert took for a batch of reservations. */
    public static CatalogueChange allocated(int tickets) {
        return new CatalogueChange(tickets, 0, false);
    }

    /** Tickets released reservations gave back. */
    public static CatalogueChange returned(int tickets) {
        return new CatalogueChange(-tickets, 0, false);
    }

    public static CatalogueChange cancelled() {
        return new CatalogueChange(0, 0, true);
    }
}
