/**
 * The checkout process between the cart and ticketing contexts: a stateless event handler whose state is the order's
 * event stream and whose progress is its processor's token. The design and its crash behaviour are described in the
 * documentation of {@code com.boxoffice.cart}.
 */
package com.boxoffice.cart.process;
