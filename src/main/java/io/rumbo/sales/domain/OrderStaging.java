package io.rumbo.sales.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.rumbo.sales.OrderLines;
import io.rumbo.shared.sql.BulkRows;

/**
 * The order import's staging tables: the file's lines are appended as they stream in ({@link BulkRows}: COPY on
 * PostgreSQL), gathered into orders, checked and compared with the stored orders by a few set-based statements, so
 * that the import's memory follows one chunk of the file and not the file. Everything here happens inside the
 * import's transaction; {@link #clear} removes a finished import's rows, a failed or dry-run import's rows go with its
 * rollback. {@link OrderStore#writeImport} writes what the comparison decided.
 */
@Component
public class OrderStaging {

	/** Reports a problem on a row and column of the file; {@code key} is a message key. */
	@FunctionalInterface
	public interface Problems {

		void at(long row, String column, String key, Object... arguments);
	}

	/**
	 * One line of the file as read and resolved: what could not be read or resolved is null (the row carries the
	 * error then); {@code priced} is null unless the line passed the line check. {@code costGiven} says the file
	 * stated the line's cost (a historic cost) rather than taking the standard cost in force.
	 */
	public record Line(long row, @Nullable String externalNumber, @Nullable LocalDate orderDate,
			@Nullable Long customerId, @Nullable Long customerOwner, @Nullable String credits, @Nullable String notes,
			@Nullable String sku, @Nullable Long productId, @Nullable Boolean productActive,
			OrderLines.@Nullable Priced priced, boolean costGiven) {
	}

	/** An order of the file as the credit rule and the scope check need it. */
	public record FileOrder(String externalNumber, long firstRow, LocalDate orderDate, long customerId,
			@Nullable Long customerOwner, @Nullable String credits, @Nullable Long storedCustomerId) {
	}

	/** What the import does: orders created, changed and found as the file says. */
	public record Outcomes(long created, long changed, long unchanged) {
	}

	/** The dates and people the created and changed orders count for (changed ones before and after). */
	public record Touched(@Nullable LocalDate from, @Nullable LocalDate to, Set<Long> credited) {
	}

	private static final List<String> LINE_COLUMNS = List.of("import_id", "row_no", "external_number", "order_date",
			"customer_id", "customer_owner", "credits", "notes", "sku", "product_id", "product_active", "quantity",
			"unit_price", "discount_percent", "unit_cost", "cost_given", "net_amount", "cost_amount", "margin_amount");

	/** What one sort or hash of the import may hold in memory on PostgreSQL, for its transaction only. */
	private static final String WORK_MEM = "64MB";

	private static final List<String> CREDIT_COLUMNS = List.of("import_id", "external_number", "staff_id", "unit_id",
			"share_percent");

	private final JdbcClient jdbc;
	private final BulkRows bulk;

	OrderStaging(JdbcClient jdbc, BulkRows bulk) {
		this.jdbc = jdbc;
		this.bulk = bulk;
	}

	/**
	 * A key for one import's staging rows; concurrent imports each see only their own uncommitted rows anyway. On
	 * PostgreSQL the import's transaction may sort in memory: the numbering of a large file's lines spilled to disk at
	 * the default 4 MB (docs/benchmarks.md).
	 */
	public long open() {
		if (bulk.postgres()) {
			jdbc.sql("SET LOCAL work_mem = '" + WORK_MEM + "'").update();
		}
		return ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
	}

	public void addLines(long importId, List<Line> lines) {
		List<Object[]> rows = new ArrayList<>(lines.size());
		for (Line l : lines) {
			OrderLines.Priced p = l.priced();
			rows.add(new Object[] { importId, l.row(), l.externalNumber(), l.orderDate(), l.customerId(),
					l.customerOwner(), l.credits(), l.notes(), l.sku(), l.productId(), l.productActive(),
					p == null ? null : p.quantity(), p == null ? null : p.unitPrice(),
					p == null ? null : p.discountPercent(), p == null ? null : p.unitCost(), l.costGiven(),
					p == null ? null : p.net(), p == null ? null : p.cost(), p == null ? null : p.margin() });
		}
		bulk.append("sales_order_import_line", LINE_COLUMNS, rows);
	}

	/**
	 * Gathers the lines into orders (header from the first line whose order number, date and customer were read,
	 * totals summed from the priced lines, as {@link OrderLines#totals} sums them) next to the stored order of the
	 * same external number; then reports lines that contradict their order's header and withdrawn products on new
	 * orders.
	 */
	public void gather(long importId, Problems problems) {
		analyze("sales_order_import_line");
		// A new order (no stored one) counts no stored lines nor credits: the CASE spares two probes per order.
		jdbc.sql("""
				INSERT INTO sales_order_import_order (import_id, external_number, first_row, order_date, customer_id,
				  customer_owner, credits, notes, line_count, net_amount, cost_amount, margin_amount, units, order_id,
				  order_version, order_status, stored_customer_id, stored_date, stored_notes, stored_lines,
				  stored_credits)
				SELECT f.import_id, f.external_number, f.row_no, f.order_date, f.customer_id, f.customer_owner,
				  f.credits, f.notes, a.line_count, a.net, a.cost, a.margin, a.units, o.id, o.version, o.status,
				  o.customer_id, o.order_date, o.notes,
				  CASE WHEN o.id IS NOT NULL
				    THEN (SELECT COUNT(*) FROM sales_order_line sl WHERE sl.order_id = o.id) END,
				  CASE WHEN o.id IS NOT NULL
				    THEN (SELECT COUNT(*) FROM sales_order_credit sc WHERE sc.order_id = o.id) END
				FROM (SELECT external_number, MIN(row_no) AS first_row, COUNT(net_amount) AS line_count,
				        COALESCE(SUM(net_amount), 0) AS net, COALESCE(SUM(cost_amount), 0) AS cost,
				        COALESCE(SUM(margin_amount), 0) AS margin, COALESCE(SUM(quantity), 0) AS units
				      FROM sales_order_import_line
				      WHERE import_id = :id AND external_number IS NOT NULL AND order_date IS NOT NULL
				        AND customer_id IS NOT NULL
				      GROUP BY external_number) a
				JOIN sales_order_import_line f ON f.import_id = :id AND f.row_no = a.first_row
				LEFT JOIN sales_order o ON o.external_number = a.external_number""").param("id", importId).update();
		analyze("sales_order_import_order");
		// Every line of an order repeats its header; a line that contradicts the first is an error on that column.
		jdbc.sql("""
				SELECT l.row_no, t.first_row, l.order_date, t.order_date, l.customer_id, t.customer_id,
				  CASE WHEN l.credits IS DISTINCT FROM t.credits THEN 1 ELSE 0 END
				FROM sales_order_import_line l
				JOIN sales_order_import_order t ON t.import_id = l.import_id AND t.external_number = l.external_number
				WHERE l.import_id = :id AND l.row_no > t.first_row AND l.order_date IS NOT NULL
				  AND l.customer_id IS NOT NULL
				  AND (l.order_date <> t.order_date OR l.customer_id <> t.customer_id
				    OR l.credits IS DISTINCT FROM t.credits)""").param("id", importId).query(rs -> {
					long row = rs.getLong(1);
					long first = rs.getLong(2);
					if (!rs.getObject(3, LocalDate.class).equals(rs.getObject(4, LocalDate.class))) {
						problems.at(row, "order_date", "sales.import.header.differs", first);
					}
					if (rs.getLong(5) != rs.getLong(6)) {
						problems.at(row, "customer", "sales.import.header.differs", first);
					}
					if (rs.getInt(7) == 1) {
						problems.at(row, "credits", "sales.import.header.differs", first);
					}
				});
		// A product withdrawn from sale stays on the orders that have it but no new order takes it, as in entry.
		jdbc.sql("""
				SELECT l.row_no, l.sku FROM sales_order_import_line l
				WHERE l.import_id = :id AND l.product_active = FALSE AND l.external_number IS NOT NULL
				  AND NOT EXISTS (SELECT 1 FROM sales_order o WHERE o.external_number = l.external_number)""")
			.param("id", importId)
			.query(rs -> {
				problems.at(rs.getLong(1), "sku", "sales.import.product.withdrawn", rs.getString(2));
			});
	}

	/**
	 * Hands the file's orders that name their credits, or that move a stored order to another account, to
	 * {@code action} {@code size} at a time, by date, so each batch spans few dates. The others (blank credits, the
	 * account's owner in full, on a new or the same account) are credited set-based by {@link OwnerCredits}.
	 */
	public void eachOrder(long importId, int size, Consumer<List<FileOrder>> action) {
		LocalDate lastDate = null;
		long lastRow = 0;
		while (true) {
			// A row comparison, so the index on (import_id, order_date, first_row) seeks to the next batch instead of
			// reading every earlier order again (an OR here made the batches quadratic in the file's orders).
			String after = lastDate == null ? "" : " AND (order_date, first_row) > (:date, :row)";
			JdbcClient.StatementSpec query = jdbc.sql("""
					SELECT external_number, first_row, order_date, customer_id, customer_owner, credits,
					  stored_customer_id
					FROM sales_order_import_order
					WHERE import_id = :id AND (credits IS NOT NULL OR stored_customer_id <> customer_id)""" + after
					+ " ORDER BY order_date, first_row FETCH FIRST " + size + " ROWS ONLY").param("id", importId);
			if (lastDate != null) {
				query = query.param("date", lastDate).param("row", lastRow);
			}
			List<FileOrder> batch = query.query((rs, n) -> new FileOrder(rs.getString(1), rs.getLong(2),
					rs.getObject(3, LocalDate.class), rs.getLong(4), rs.getObject(5, Long.class), rs.getString(6),
					rs.getObject(7, Long.class))).list();
			if (batch.isEmpty()) {
				return;
			}
			action.accept(batch);
			FileOrder last = batch.get(batch.size() - 1);
			lastDate = last.orderDate();
			lastRow = last.firstRow();
		}
	}

	/** The credits the credit rule split for orders of the file. */
	public void addCredits(long importId, List<FileCredit> credits) {
		List<Object[]> rows = new ArrayList<>(credits.size());
		for (FileCredit c : credits) {
			rows.add(new Object[] { importId, c.externalNumber(), c.credit().staffId(), c.credit().unitId(),
					c.credit().sharePercent() });
		}
		bulk.append("sales_order_import_credit", CREDIT_COLUMNS, rows);
	}

	/** A credit of an order of the file, by its external number. */
	public record FileCredit(String externalNumber, OrderCredit credit) {
	}

	/**
	 * Decides what each order of the file does, as {@link SalesOrder#says} would: NEW without a stored order,
	 * UNCHANGED when header, lines (product, quantity, price, discount, and the cost when the file states it) and
	 * credits match, CHANGED otherwise; a cancelled order that would change is an error on its first row.
	 */
	public Outcomes compare(long importId, Problems problems) {
		analyze("sales_order_import_credit");
		jdbc.sql("""
				UPDATE sales_order_import_order t SET outcome = CASE
				  WHEN t.order_id IS NULL THEN 'NEW'
				  WHEN t.customer_id = t.stored_customer_id AND t.order_date = t.stored_date
				    AND t.notes IS NOT DISTINCT FROM t.stored_notes AND t.line_count = t.stored_lines
				    AND t.stored_credits = (SELECT COUNT(*) FROM sales_order_import_credit c
				      WHERE c.import_id = t.import_id AND c.external_number = t.external_number)
				  THEN 'UNCHANGED' ELSE 'CHANGED' END
				WHERE t.import_id = :id""").param("id", importId).update();
		analyze("sales_order_import_order");
		// One pass over the lines (the numbered lines drive the join, so no engine re-numbers them per order), then
		// one over the credits, collecting the stored orders that differ.
		jdbc.sql("""
				INSERT INTO sales_order_import_changed (import_id, external_number)
				SELECT DISTINCT CAST(:id AS BIGINT), s.external_number FROM (
				    SELECT l.external_number, l.product_id, l.quantity, l.unit_price, l.discount_percent, l.unit_cost,
				      l.cost_given, ROW_NUMBER() OVER (PARTITION BY l.external_number ORDER BY l.row_no) AS line_no
				    FROM sales_order_import_line l
				    WHERE l.import_id = :id AND l.net_amount IS NOT NULL AND l.external_number IS NOT NULL
				      AND l.order_date IS NOT NULL AND l.customer_id IS NOT NULL) s
				LEFT JOIN sales_order_import_order t ON t.import_id = :id AND t.external_number = s.external_number
				LEFT JOIN sales_order_line sl ON sl.order_id = t.order_id AND sl.line_no = s.line_no
				WHERE t.outcome = 'UNCHANGED' AND (sl.order_id IS NULL OR sl.product_id <> s.product_id
				  OR sl.quantity <> s.quantity OR sl.unit_price <> s.unit_price
				  OR sl.discount_percent <> s.discount_percent
				  OR (s.cost_given AND sl.unit_cost IS DISTINCT FROM s.unit_cost))
				UNION
				SELECT CAST(:id AS BIGINT), c.external_number FROM sales_order_import_credit c
				JOIN sales_order_import_order t ON t.import_id = c.import_id AND t.external_number = c.external_number
				LEFT JOIN sales_order_credit sc ON sc.order_id = t.order_id AND sc.staff_id = c.staff_id
				WHERE c.import_id = :id AND t.outcome = 'UNCHANGED'
				  AND (sc.order_id IS NULL OR sc.share_percent <> c.share_percent)""")
			.param("id", importId)
			.update();
		jdbc.sql("""
				UPDATE sales_order_import_order SET outcome = 'CHANGED'
				WHERE import_id = :id AND outcome = 'UNCHANGED' AND external_number IN (
				  SELECT external_number FROM sales_order_import_changed WHERE import_id = :id)""")
			.param("id", importId)
			.update();
		// The outcome was null for every order when the table was analysed; without new statistics PostgreSQL takes
		// "outcome = ..." for a handful of rows and joins the lines of a large file to them in nested loops.
		analyze("sales_order_import_order");
		jdbc.sql("""
				SELECT first_row FROM sales_order_import_order
				WHERE import_id = :id AND outcome = 'CHANGED' AND order_status = 'CANCELLED'""")
			.param("id", importId)
			.query(rs -> {
				problems.at(rs.getLong(1), "order", "sales.order.cancelled");
			});
		long[] counts = new long[3];
		jdbc.sql("SELECT outcome, COUNT(*) FROM sales_order_import_order WHERE import_id = :id GROUP BY outcome")
			.param("id", importId)
			.query(rs -> {
				switch (rs.getString(1)) {
					case "NEW" -> counts[0] = rs.getLong(2);
					case "CHANGED" -> counts[1] = rs.getLong(2);
					default -> counts[2] = rs.getLong(2);
				}
			});
		return new Outcomes(counts[0], counts[1], counts[2]);
	}

	/** Read before the write, while the changed orders still say what they said. */
	public Touched touched(long importId) {
		LocalDate[] range = new LocalDate[2];
		jdbc.sql("""
				SELECT MIN(d), MAX(d) FROM (
				  SELECT order_date AS d FROM sales_order_import_order
				  WHERE import_id = :id AND outcome IN ('NEW', 'CHANGED')
				  UNION ALL
				  SELECT stored_date FROM sales_order_import_order WHERE import_id = :id AND outcome = 'CHANGED') x""")
			.param("id", importId)
			.query(rs -> {
				range[0] = rs.getObject(1, LocalDate.class);
				range[1] = rs.getObject(2, LocalDate.class);
			});
		Set<Long> credited = new HashSet<>(jdbc.sql("""
				SELECT c.staff_id FROM sales_order_import_credit c
				JOIN sales_order_import_order t ON t.import_id = c.import_id AND t.external_number = c.external_number
				WHERE c.import_id = :id AND t.outcome IN ('NEW', 'CHANGED')
				UNION
				SELECT sc.staff_id FROM sales_order_credit sc
				JOIN sales_order_import_order t ON t.order_id = sc.order_id
				WHERE t.import_id = :id AND t.outcome = 'CHANGED'""").param("id", importId).query(Long.class).list());
		return new Touched(range[0], range[1], credited);
	}

	/**
	 * Freshly loaded staging rows have no statistics (autovacuum cannot see uncommitted rows), and PostgreSQL would
	 * plan the set-based statements as if the tables were tiny; ANALYZE inside the transaction counts its own rows.
	 */
	void analyze(String table) {
		if (bulk.postgres()) {
			jdbc.sql("ANALYZE " + table).update();
		}
	}

	/** The orders an import created or changed, once written (before {@link #clear}), in file order. */
	public List<Long> writtenOrders(long importId) {
		return jdbc.sql("""
				SELECT o.id FROM sales_order o JOIN sales_order_import_order t ON t.external_number = o.external_number
				WHERE t.import_id = :id AND t.outcome IN ('NEW', 'CHANGED') ORDER BY t.first_row""")
			.param("id", importId)
			.query(Long.class)
			.list();
	}

	/** Removes a finished import's rows (a failed one's go with its rollback). */
	public void clear(long importId) {
		for (String table : List.of("sales_order_import_changed", "sales_order_import_credit", "sales_order_import_owner",
				"sales_order_import_order", "sales_order_import_line")) {
			jdbc.sql("DELETE FROM " + table + " WHERE import_id = :id").param("id", importId).update();
		}
	}
}
