/**
 * What the cart context publishes: its commands, events and refusals. Other contexts and the REST layer use only this
 * package.
 */
package com.boxoffice.cart.api;
