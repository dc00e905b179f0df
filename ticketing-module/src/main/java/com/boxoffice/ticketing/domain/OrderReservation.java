package com.boxoffice.ticketing.domain;

/** What one order holds of a concert: a quantity and where it stands. */
record OrderReservation(int quantity, State state) {

    enum State {
        HELD,
        CONFIRMED,
        RELEASED
    }

    OrderReservation withState(State next) {
        return new OrderReservation(quantity, next);
    }
}
