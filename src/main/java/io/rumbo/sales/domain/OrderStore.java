package io.rumbo.sales.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.rumbo.sales.OrderLines;
import io.rumbo.sales.OrderStatus;
import io.rumbo.shared.domain.StaleVersionException;

/**
 * The one writer of order rows, for order entry (one order at a time), the order import (tens of thousands at a time)
 * and the demo: batched statements, a few per thousand orders, whatever the number of orders. It writes orders as
 * {@link SalesOrder} made them (totals from the lines, transitions guarded), numbers new ones through
 * {@link OrderNumbers}, and reads them back for a change.
 */
@Component
public class OrderStore {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(OrderStore.class);

	private static final int CHUNK = 1000;
	private static final int LINES_PER_FLUSH = 5000;

	/** Told how many lines are written so far, for an import's progress. */
	public interface Progress {

		Progress NONE = lines -> {
		};

		void written(long lines);
	}

	private final JdbcClient jdbc;
	private final JdbcTemplate batch;
	private final OrderNumbers numbers;

	OrderStore(JdbcClient jdbc, JdbcTemplate batch, OrderNumbers numbers) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.numbers = numbers;
	}

	public Optional<SalesOrder> find(long id) {
		return load("o.id IN (:keys)", List.of(id)).values().stream().findFirst();
	}

	/** The stored orders with these external numbers, by external number. */
	public Map<String, SalesOrder> byExternalNumber(Collection<String> externalNumbers) {
		Map<String, SalesOrder> found = new HashMap<>();
		List<String> all = new ArrayList<>(externalNumbers);
		for (int i = 0; i < all.size(); i += CHUNK) {
			load("o.external_number IN (:keys)", all.subList(i, Math.min(all.size(), i + CHUNK)))
				.values()
				.forEach(o -> found.put(java.util.Objects.requireNonNull(o.content().externalNumber()), o));
		}
		return found;
	}

	public boolean externalNumberTaken(String externalNumber, @Nullable Long exceptId) {
		return jdbc.sql("SELECT COUNT(*) FROM sales_order WHERE external_number = :external AND id <> :id")
			.param("external", externalNumber)
			.param("id", exceptId == null ? -1L : exceptId)
			.query(Long.class)
			.single() > 0;
	}

	/** Writes new orders, numbering them in the order given. */
	public void insert(List<SalesOrder> orders, Progress progress) {
		if (orders.isEmpty()) {
			return;
		}
		List<String> taken = numbers.next(orders.stream().map(o -> o.content().orderDate()).toList());
		List<Object[]> headers = new ArrayList<>();
		for (int i = 0; i < orders.size(); i++) {
			SalesOrder order = orders.get(i);
			headers.add(header(order, taken.get(i)));
		}
		batch.batchUpdate("""
				INSERT INTO sales_order (customer_id, order_date, external_number, status, notes, net_amount, cost_amount,
				  margin_amount, units, order_number, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""", headers);
		Map<String, Long> ids = new HashMap<>();
		for (int i = 0; i < taken.size(); i += CHUNK) {
			jdbc.sql("SELECT order_number, id FROM sales_order WHERE order_number IN (:numbers)")
				.param("numbers", taken.subList(i, Math.min(taken.size(), i + CHUNK)))
				.query(rs -> {
					ids.put(rs.getString(1), rs.getLong(2));
				});
		}
		for (int i = 0; i < orders.size(); i++) {
			orders.get(i).saved(ids.get(taken.get(i)), taken.get(i));
		}
		writeParts(orders, progress);
	}

	/** Writes changed orders (header, lines and credits); refuses one changed by somebody else meanwhile. */
	public void update(List<SalesOrder> orders, Progress progress) {
		if (orders.isEmpty()) {
			return;
		}
		List<Object[]> headers = new ArrayList<>();
		List<Object[]> removals = new ArrayList<>();
		for (SalesOrder order : orders) {
			Object[] header = header(order, order.orderNumber());
			Object[] row = java.util.Arrays.copyOf(header, header.length + 1);
			row[header.length - 1] = order.id();
			row[header.length] = order.version();
			headers.add(row);
			removals.add(new Object[] { order.id() });
		}
		int[] counts = batch.batchUpdate("""
				UPDATE sales_order SET customer_id = ?, order_date = ?, external_number = ?, status = ?, notes = ?,
				  net_amount = ?, cost_amount = ?, margin_amount = ?, units = ?, version = version + 1
				WHERE id = ? AND version = ?""", headers);
		for (int i = 0; i < orders.size(); i++) {
			SalesOrder order = orders.get(i);
			// Drivers that cannot count a batched statement answer SUCCESS_NO_INFO (-2); only 0 means stale.
			if (counts[i] == 0) {
				throw new StaleVersionException(order.version(), order.id());
			}
			order.written();
		}
		batch.batchUpdate("DELETE FROM sales_order_line WHERE order_id = ?", removals);
		batch.batchUpdate("DELETE FROM sales_order_credit WHERE order_id = ?", removals);
		writeParts(orders, progress);
	}

	/**
	 * Writes what {@link OrderStaging#compare} decided for an import, set-based: first the changed orders (headers
	 * only at the version read, else the import fails as a concurrent change; their lines and credits replaced), then,
	 * last, the new orders: one take of the counter for their count, and their headers inserted already numbered in
	 * file order, then their lines and credits. The counter row is locked only for the new orders' statements and
	 * the commit, after every check and after the changed orders are written; a dry run never gets here.
	 */
	public void writeImport(long importId, OrderStaging.Outcomes outcomes, Progress progress) {
		long lines = 0;
		if (outcomes.changed() > 0) {
			long started = System.nanoTime();
			int updated = jdbc.sql("""
					MERGE INTO sales_order o
					USING (SELECT order_id, order_version, customer_id, order_date, notes, net_amount, cost_amount,
					         margin_amount, units
					       FROM sales_order_import_order WHERE import_id = :id AND outcome = 'CHANGED') t
					ON (o.id = t.order_id AND o.version = t.order_version)
					WHEN MATCHED THEN UPDATE SET customer_id = t.customer_id, order_date = t.order_date,
					  notes = t.notes, net_amount = t.net_amount, cost_amount = t.cost_amount,
					  margin_amount = t.margin_amount, units = t.units, version = o.version + 1""")
				.param("id", importId)
				.update();
			if (updated != outcomes.changed()) {
				throw new org.springframework.dao.OptimisticLockingFailureException(
						(outcomes.changed() - updated) + " imported orders changed meanwhile");
			}
			for (String table : List.of("sales_order_line", "sales_order_credit")) {
				jdbc.sql("DELETE FROM " + table + " WHERE order_id IN (SELECT order_id FROM sales_order_import_order"
						+ " WHERE import_id = :id AND outcome = 'CHANGED')").param("id", importId).update();
			}
			lines += writeParts(importId, "CHANGED");
			progress.written(lines);
			timed(importId, "changed orders", started);
		}
		if (outcomes.created() > 0) {
			long started = System.nanoTime();
			long first = numbers.take(outcomes.created());
			jdbc.sql("""
					INSERT INTO sales_order (customer_id, order_date, external_number, status, notes, net_amount,
					  cost_amount, margin_amount, units, order_number, version)
					SELECT n.customer_id, n.order_date, n.external_number, 'BOOKED', n.notes, n.net_amount,
					  n.cost_amount, n.margin_amount, n.units, %s, 0
					FROM (SELECT t.customer_id, t.order_date, t.external_number, t.notes, t.net_amount, t.cost_amount,
					        t.margin_amount, t.units, t.first_row,
					        CAST(:first AS BIGINT) - 1 + ROW_NUMBER() OVER (ORDER BY t.first_row) AS running
					      FROM sales_order_import_order t WHERE t.import_id = :id AND t.outcome = 'NEW') n
					ORDER BY n.first_row""".formatted(OrderNumbers.formatSql("n.order_date", "n.running")))
				.param("id", importId)
				.param("first", first)
				.update();
			timed(importId, "new headers numbered and inserted", started);
			lines += writeParts(importId, "NEW");
			progress.written(lines);
			timed(importId, "new orders", started);
		}
	}

	/**
	 * The lines (numbered in file order within each order) and credits of the orders of one outcome, reaching each
	 * written header by its external number.
	 */
	private long writeParts(long importId, String outcome) {
		long started = System.nanoTime();
		int lines = jdbc.sql("""
				INSERT INTO sales_order_line (order_id, line_no, product_id, quantity, unit_price, discount_percent,
				  unit_cost, net_amount, cost_amount, margin_amount)
				SELECT o.id, ROW_NUMBER() OVER (PARTITION BY l.external_number ORDER BY l.row_no), l.product_id,
				  l.quantity, l.unit_price, l.discount_percent, l.unit_cost, l.net_amount, l.cost_amount,
				  l.margin_amount
				FROM sales_order_import_line l
				JOIN sales_order_import_order t ON t.import_id = l.import_id AND t.external_number = l.external_number
				JOIN sales_order o ON o.external_number = l.external_number
				WHERE l.import_id = :id AND t.outcome = :outcome""")
			.param("id", importId)
			.param("outcome", outcome)
			.update();
		timed(importId, outcome + " lines", started);
		started = System.nanoTime();
		jdbc.sql("""
				INSERT INTO sales_order_credit (order_id, staff_id, unit_id, share_percent)
				SELECT o.id, c.staff_id, c.unit_id, c.share_percent
				FROM sales_order_import_credit c
				JOIN sales_order_import_order t ON t.import_id = c.import_id AND t.external_number = c.external_number
				JOIN sales_order o ON o.external_number = c.external_number
				WHERE c.import_id = :id AND t.outcome = :outcome""")
			.param("id", importId)
			.param("outcome", outcome)
			.update();
		timed(importId, outcome + " credits", started);
		return lines;
	}

	private static void timed(long importId, String what, long started) {
		log.debug("Order import {}: {} written in {} ms", importId, what, (System.nanoTime() - started) / 1_000_000);
	}

	private static Object[] header(SalesOrder order, String number) {
		SalesOrder.Content c = order.content();
		OrderLines.Totals t = order.totals();
		// The number comes last: an update puts the id and the version read in its place.
		return new Object[] { c.customerId(), c.orderDate(), c.externalNumber(), order.status().name(), c.notes(),
				t.net(), t.cost(), t.margin(), t.units(), number };
	}

	private void writeParts(List<SalesOrder> orders, Progress progress) {
		List<Object[]> lines = new ArrayList<>();
		List<Object[]> credits = new ArrayList<>();
		long written = 0;
		for (SalesOrder order : orders) {
			long id = order.id();
			for (OrderLine line : order.content().lines()) {
				OrderLines.Priced p = line.priced();
				lines.add(new Object[] { id, line.lineNo(), line.productId(), p.quantity(), p.unitPrice(),
						p.discountPercent(), p.unitCost(), p.net(), p.cost(), p.margin() });
			}
			for (OrderCredit credit : order.content().credits()) {
				credits.add(new Object[] { id, credit.staffId(), credit.unitId(), credit.sharePercent() });
			}
			if (lines.size() >= LINES_PER_FLUSH) {
				written += lines.size();
				flush(lines, credits);
				progress.written(written);
			}
		}
		written += lines.size();
		flush(lines, credits);
		progress.written(written);
	}

	private void flush(List<Object[]> lines, List<Object[]> credits) {
		batch.batchUpdate("""
				INSERT INTO sales_order_line (order_id, line_no, product_id, quantity, unit_price, discount_percent,
				  unit_cost, net_amount, cost_amount, margin_amount) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", lines);
		batch.batchUpdate("INSERT INTO sales_order_credit (order_id, staff_id, unit_id, share_percent) VALUES (?, ?, ?, ?)",
				credits);
		lines.clear();
		credits.clear();
	}

	/** The orders a condition on {@code o} selects, with their lines and credits, in three queries. */
	private Map<Long, SalesOrder> load(String condition, Collection<?> keys) {
		Map<Long, Object[]> heads = new java.util.LinkedHashMap<>();
		jdbc.sql("SELECT o.id, o.order_number, o.status, o.version, o.customer_id, o.order_date, o.external_number,"
				+ " o.notes FROM sales_order o WHERE " + condition).param("keys", keys).query(rs -> {
					heads.put(rs.getLong(1), new Object[] { rs.getString(2), OrderStatus.valueOf(rs.getString(3)),
							rs.getLong(4), rs.getLong(5), rs.getObject(6, LocalDate.class), rs.getString(7),
							rs.getString(8) });
				});
		if (heads.isEmpty()) {
			return Map.of();
		}
		Map<Long, List<OrderLine>> lines = new HashMap<>();
		jdbc.sql("""
				SELECT order_id, line_no, product_id, quantity, unit_price, discount_percent, unit_cost, net_amount,
				  cost_amount, margin_amount FROM sales_order_line WHERE order_id IN (:ids) ORDER BY order_id, line_no""")
			.param("ids", heads.keySet())
			.query(rs -> {
				lines.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
					.add(new OrderLine(rs.getInt(2), rs.getLong(3), new OrderLines.Priced(rs.getBigDecimal(4),
							rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getBigDecimal(8),
							rs.getBigDecimal(9), rs.getBigDecimal(10))));
			});
		Map<Long, List<OrderCredit>> credits = new HashMap<>();
		jdbc.sql("""
				SELECT order_id, staff_id, unit_id, share_percent FROM sales_order_credit WHERE order_id IN (:ids)
				ORDER BY order_id, share_percent DESC, staff_id""")
			.param("ids", heads.keySet())
			.query(rs -> {
				credits.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
					.add(new OrderCredit(rs.getLong(2), rs.getLong(3), rs.getBigDecimal(4)));
			});
		Map<Long, SalesOrder> orders = new java.util.LinkedHashMap<>();
		heads.forEach((id, h) -> orders.put(id, SalesOrder.stored(id, (String) h[0], (OrderStatus) h[1], (Long) h[2],
				new SalesOrder.Content((Long) h[3], (LocalDate) h[4], (String) h[5], (String) h[6],
						lines.getOrDefault(id, List.of()), credits.getOrDefault(id, List.of())))));
		return orders;
	}
}
