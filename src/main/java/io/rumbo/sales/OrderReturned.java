package io.rumbo.sales;

/**
 * Goods came back: an order whose every line has a negative quantity was booked. Returns are negative lines (see
 * {@link OrderLines}), so the facts carry negative amounts that reduce the credited people's results on the date of
 * the return; a listener adds them as it adds a booking. An order mixing sales and returns is an {@link OrderBooked}.
 */
public record OrderReturned(OrderId orderId, String orderNumber, OrderFacts facts) {
}
