package io.rumbo.sales;

/** A booked order counts in results; a cancelled one stays for the record but counts nowhere. */
public enum OrderStatus {
	BOOKED, CANCELLED
}
