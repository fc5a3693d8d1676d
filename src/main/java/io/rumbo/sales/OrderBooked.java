package io.rumbo.sales;

/**
 * An order was booked (on screen, through the API or from a won opportunity); it now counts in the credited people's
 * results. An order made only of returned goods is announced as {@link OrderReturned} instead, never as both.
 */
public record OrderBooked(OrderId orderId, String orderNumber, OrderFacts facts) {
}
