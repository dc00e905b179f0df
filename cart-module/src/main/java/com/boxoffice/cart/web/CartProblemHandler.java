package com.boxoffice.cart.web;

import com.boxoffice.cart.api.CartException;
import com.boxoffice.cart.api.CartLineNotFoundException;
import com.boxoffice.cart.api.InvalidCartItemException;
import com.boxoffice.cart.api.NotYourCartException;
import com.boxoffice.kernel.web.UnknownResourceException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import com.boxoffice.kernel.web.RestProblemHandler;

/**
 * Every error of the cart and order endpoints as RFC 9457 {@code application/problem+json}: 400 for input that can
 * never succeed (naming the field), 404 for an unknown cart, line, order or concert (a missing aggregate, or the id of
 * another kind of aggregate, is an unknown cart: the controllers send commands to carts only; answered by
 * {@link RestProblemHandler}, like unreadable bodies and parameters), 409 for a refusal by the cart's
 * state (not open, empty, a concert no longer on sale, a conflict that survived the retries), 503 when a command did
 * not answer in time. Spring MVC's own errors (malformed JSON, wrong method, ...) come through
 * {@link org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler}.
 */
@RestControllerAdvice(assignableTypes = {CartController.class, OrderController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
public class CartProblemHandler extends RestProblemHandler {

    @Override
    protected String subject() {
        return "cart";
    }

    @ExceptionHandler(InvalidCartItemException.class)
    ProblemDetail invalidItem(InvalidCartItemException e) {
        return withField(problem(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage()), e.field(), e.getMessage());
    }

    /** The same answer as for a cart that does not exist. */
    @ExceptionHandler(NotYourCartException.class)
    ProblemDetail notYours(NotYourCartException e) {
        UnknownResourceException unknown = new UnknownResourceException("cart", e.cartId().toString());
        return problem(HttpStatus.NOT_FOUND, unknown.title(), unknown.getMessage());
    }

    @ExceptionHandler(CartLineNotFoundException.class)
    ProblemDetail unknownLine(CartLineNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Unknown cart line", e.getMessage());
    }

    /** Not open, empty: the cart's state refuses. */
    @ExceptionHandler(CartException.class)
    ProblemDetail refused(CartException e) {
        return problem(HttpStatus.CONFLICT, "Refused by the cart's state", e.getMessage());
    }

    @ExceptionHandler(ConcertNotOnSaleException.class)
    ProblemDetail notOnSale(ConcertNotOnSaleException e) {
        return problem(HttpStatus.CONFLICT, "Concert not on sale", e.getMessage());
    }
}
