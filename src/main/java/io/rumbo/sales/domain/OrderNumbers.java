package io.rumbo.sales.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Order numbers, the business numbers separate from the id, in one format: {@code PED-<year of the order date>-<running
 * number, six digits or more>}. The running number is taken from a counter row inside the caller's transaction, so a
 * booking or an import that rolls back (a dry run, a file with errors) consumes no number; the row lock makes
 * concurrent bookings wait for each other's commit, which is short for entry and accepted for imports.
 */
@Component
public class OrderNumbers {

	private final JdbcClient jdbc;

	OrderNumbers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public static String format(LocalDate orderDate, long running) {
		return String.format("PED-%d-%06d", orderDate.getYear(), running);
	}

	/** The next numbers, one per date given, in that order. */
	public List<String> next(List<LocalDate> orderDates) {
		if (orderDates.isEmpty()) {
			return List.of();
		}
		jdbc.sql("UPDATE sales_order_number SET last_value = last_value + :count WHERE id = 1")
			.param("count", orderDates.size())
			.update();
		long last = jdbc.sql("SELECT last_value FROM sales_order_number WHERE id = 1").query(Long.class).single();
		long first = last - orderDates.size() + 1;
		List<String> numbers = new ArrayList<>(orderDates.size());
		for (int i = 0; i < orderDates.size(); i++) {
			numbers.add(format(orderDates.get(i), first + i));
		}
		return numbers;
	}
}
