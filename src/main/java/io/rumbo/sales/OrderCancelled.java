package io.rumbo.sales;

/** A booked order was cancelled: it stays on record but counts nowhere, so a listener takes {@code facts} away. */
public record OrderCancelled(OrderId orderId, String orderNumber, OrderFacts facts) {
}
