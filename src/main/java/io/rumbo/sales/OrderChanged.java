package io.rumbo.sales;

/**
 * A booked order was edited: its customer, date, lines or credits changed. A listener takes {@code before} away and
 * adds {@code after}, since the people credited and the date the order counts on may both have changed.
 */
public record OrderChanged(OrderId orderId, String orderNumber, OrderFacts before, OrderFacts after) {
}
