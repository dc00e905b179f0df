package com.boxoffice.cart.web;

import com.boxoffice.kernel.security.ShopRole;
import org.springframework.security.core.Authentication;

/** Whose carts and orders a caller may see: staff anyone's (they support customers), a customer their own. */
final class CustomerData {

    private CustomerData() {
    }

    static boolean visibleTo(Authentication caller, String ownerId) {
        return ShopRole.STAFF.heldBy(caller) || ShopRole.CUSTOMER.heldBy(caller) && caller.getName().equals(ownerId);
    }
}
