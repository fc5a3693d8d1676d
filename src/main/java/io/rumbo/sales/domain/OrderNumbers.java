package io.rumbo.sales.domain;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.rumbo.shared.domain.ConflictException;
import io.rumbo.shared.sql.BulkRows;

/**
 * Order numbers, the business numbers separate from the id, in one format: {@code PED-<year of the order date>-<running
 * number, six digits or more>}. The running number is taken from a counter row inside the caller's transaction, so a
 * booking or an import that rolls back (a file with errors) consumes no number; the row lock makes concurrent bookings
 * wait for each other's commit. An import takes its numbers in one step once every row is checked and its changed
 * orders are written, just before it inserts its new orders (a dry run takes none), so the row is locked only for
 * that insert and the commit. A booking that still cannot have the row within a few seconds is
 * answered 409 (try again), never 500.
 */
@Component
public class OrderNumbers {

	/** How long a booking waits for the counter row on PostgreSQL (H2 has its own lock timeout). */
	private static final String LOCK_TIMEOUT = "5s";

	private final JdbcClient jdbc;
	private final BulkRows database;

	OrderNumbers(JdbcClient jdbc, BulkRows database) {
		this.jdbc = jdbc;
		this.database = database;
	}

	public static String format(LocalDate orderDate, long running) {
		return String.format("PED-%d-%06d", orderDate.getYear(), running);
	}

	/** {@link #format} in SQL, for numbers assigned by a set-based statement. */
	static String formatSql(String orderDate, String running) {
		return "'PED-' || CAST(CAST(EXTRACT(YEAR FROM " + orderDate + ") AS INT) AS VARCHAR(8)) || '-' || CASE WHEN "
				+ running + " < 1000000 THEN LPAD(CAST(" + running + " AS VARCHAR(20)), 6, '0') ELSE CAST(" + running
				+ " AS VARCHAR(20)) END";
	}

	/** The next numbers, one per date given, in that order. */
	public List<String> next(List<LocalDate> orderDates) {
		if (orderDates.isEmpty()) {
			return List.of();
		}
		long first = take(orderDates.size());
		List<String> numbers = new ArrayList<>(orderDates.size());
		for (int i = 0; i < orderDates.size(); i++) {
			numbers.add(format(orderDates.get(i), first + i));
		}
		return numbers;
	}

	/**
	 * H2 reports its lock timeout as a statement timeout, PostgreSQL as SQL state 55P03 (which Spring leaves
	 * uncategorised); on this one-row update both mean the row is held by another booking or an import's commit.
	 */
	private static boolean lockNotHad(DataAccessException ex) {
		return ex instanceof PessimisticLockingFailureException || ex instanceof QueryTimeoutException
				|| ex.getMostSpecificCause() instanceof SQLException sql && "55P03".equals(sql.getSQLState());
	}

	/** Takes {@code count} running numbers in one step; answers the first. */
	long take(long count) {
		try {
			if (database.postgres()) {
				jdbc.sql("SET LOCAL lock_timeout = '" + LOCK_TIMEOUT + "'").update();
			}
			jdbc.sql("UPDATE sales_order_number SET last_value = last_value + :count WHERE id = 1")
				.param("count", count)
				.update();
		}
		catch (DataAccessException ex) {
			if (lockNotHad(ex)) {
				throw new ConflictException("sales.order.numbers.busy");
			}
			throw ex;
		}
		long last = jdbc.sql("SELECT last_value FROM sales_order_number WHERE id = 1").query(Long.class).single();
		return last - count + 1;
	}
}
