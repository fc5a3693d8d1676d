package io.rumbo.sales;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.catalog.ProductCatalog;

/**
 * What each booked order counts for in the metrics facts, order by order: the metrics module keeps it per order, so
 * that a late, changed or cancelled order costs what that order touches (read by order id, the primary key) rather
 * than what the people and months it touches hold. Shares, returns and cancellations as in {@link SalesMeasures}: a
 * cancelled order contributes nothing, a return contributes its (negative) amounts and no order. One statement (the
 * lines and the counts read together) for any number of orders (a few when they exceed the driver's parameter limit).
 */
@Service
public class OrderContributions {

	/** One order's part for one credited person (in the unit credited) of one product line, in its month. */
	public record OrderLine(long orderId, long customerId, long staffId, long unitId, LocalDate month, long lineId,
			BigDecimal net, BigDecimal units, BigDecimal margin) {
	}

	/** A booked order that is not a return, for one credited person: {@code orders} is 1 (once per credit). */
	public record OrderCount(long orderId, long customerId, long staffId, long unitId, LocalDate month, long orders) {
	}

	/** What some orders contribute: their lines and their order counts. */
	public record Contributions(List<OrderLine> lines, List<OrderCount> counts) {
	}

	/** An order's credit in the order's month: what its lines are grouped by. */
	private record Key(long order, long customer, long staff, long unit, LocalDate month) {
	}

	/** How many booked orders are dated in a month (its first day): how a rebuild cuts its reads. */
	public record MonthOrders(LocalDate month, long orders) {
	}

	private static final String FROM = " FROM sales_order o JOIN sales_order_credit c ON c.order_id = o.id";

	private static final String GROUP = "o.id, o.customer_id, c.staff_id, c.unit_id, "
			+ SalesMeasures.MONTH.formatted("o.order_date");

	private final JdbcClient jdbc;
	private final ProductCatalog catalog;

	OrderContributions(JdbcClient jdbc, ProductCatalog catalog) {
		this.jdbc = jdbc;
		this.catalog = catalog;
	}

	/**
	 * What these orders contribute now: their lines by credited person and product line, and their order counts
	 * (cancelled or unknown orders: nothing; a return: its lines and no order).
	 */
	@Transactional(readOnly = true)
	public Contributions of(Collection<Long> orderIds) {
		List<Long> all = orderIds.stream().distinct().toList();
		List<OrderLine> lines = new ArrayList<>();
		List<OrderCount> counts = new ArrayList<>();
		for (int at = 0; at < all.size(); at += SalesMeasures.MAX_PARAMS) {
			Contributions part = read(" AND o.id IN (:ids)",
					Map.of("ids", all.subList(at, Math.min(all.size(), at + SalesMeasures.MAX_PARAMS))));
			lines.addAll(part.lines());
			counts.addAll(part.counts());
		}
		return new Contributions(lines, counts);
	}

	/** {@link #of(Collection)} of every booked order dated in the range: a rebuild's read, a few months at a time. */
	@Transactional(readOnly = true)
	public Contributions dated(LocalDate from, LocalDate to) {
		return read(" AND o.order_date >= :from AND o.order_date < :to", Map.of("from", from, "to", to));
	}

	/** The booked orders of each month that has any, in date order. */
	@Transactional(readOnly = true)
	public List<MonthOrders> bookedByMonth() {
		String month = SalesMeasures.MONTH.formatted("order_date");
		return jdbc.sql("SELECT " + month + ", COUNT(*) FROM sales_order WHERE status = 'BOOKED' GROUP BY " + month
				+ " ORDER BY 1, 2")
			.query((rs, n) -> new MonthOrders(SalesMeasures.month(rs, 1), rs.getLong(3)))
			.list();
	}

	/** The orders (any status) with a line of the product: those whose figures by product line follow it. */
	@Transactional(readOnly = true)
	public List<Long> withProduct(long productId) {
		return jdbc.sql("SELECT DISTINCT order_id FROM sales_order_line WHERE product_id = :product")
			.param("product", productId)
			.query(Long.class)
			.list();
	}

	/**
	 * One statement: the order lines grouped by order, credit and product (shares applied), with whether the group
	 * has a line that is not negative; an order counts once per credit when any of its lines is not negative (a
	 * return's lines all are), as {@link SalesMeasures#NOT_RETURN} says.
	 */
	private Contributions read(String condition, Map<String, ?> params) {
		record Row(Key key, long product, BigDecimal net, BigDecimal units, BigDecimal margin, boolean kept) {
		}
		List<Row> rows = jdbc.sql("SELECT " + GROUP + ", l.product_id, SUM(l.net_amount * c.share_percent),"
				+ " SUM(l.quantity * c.share_percent), SUM(l.margin_amount * c.share_percent),"
				+ " MAX(CASE WHEN l.quantity >= 0 THEN 1 ELSE 0 END)" + FROM
				+ " JOIN sales_order_line l ON l.order_id = o.id WHERE o.status = 'BOOKED'" + condition + " GROUP BY "
				+ GROUP + ", l.product_id")
			.params(params)
			.query((rs, n) -> new Row(new Key(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
					SalesMeasures.month(rs, 5)), rs.getLong(7), SalesMeasures.share(rs.getBigDecimal(8)),
					SalesMeasures.share(rs.getBigDecimal(9)), SalesMeasures.share(rs.getBigDecimal(10)),
					rs.getInt(11) == 1))
			.list();
		Map<Long, Long> lineOf = linesOf(catalog, rows.stream().map(Row::product).toList());
		record LineKey(Key credit, long line) {
		}
		Map<LineKey, BigDecimal[]> sums = new LinkedHashMap<>();
		Map<Key, Boolean> kept = new LinkedHashMap<>();
		for (Row r : rows) {
			BigDecimal[] s = sums.computeIfAbsent(new LineKey(r.key(), lineOf.get(r.product())),
					k -> new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO });
			s[0] = s[0].add(r.net());
			s[1] = s[1].add(r.units());
			s[2] = s[2].add(r.margin());
			kept.merge(r.key(), r.kept(), Boolean::logicalOr);
		}
		List<OrderLine> lines = new ArrayList<>(sums.size());
		sums.forEach((k, s) -> lines.add(new OrderLine(k.credit().order(), k.credit().customer(), k.credit().staff(),
				k.credit().unit(), k.credit().month(), k.line(), s[0], s[1], s[2])));
		List<OrderCount> counts = new ArrayList<>(kept.size());
		kept.forEach((k, any) -> {
			if (any) {
				counts.add(new OrderCount(k.order(), k.customer(), k.staff(), k.unit(), k.month(), 1));
			}
		});
		return new Contributions(lines, counts);
	}

	/** The product line of each of these products, as the catalog says now; a product it does not know is an error. */
	private static Map<Long, Long> linesOf(ProductCatalog catalog, Collection<Long> products) {
		Map<Long, Long> lineOf = new HashMap<>();
		List<Long> distinct = products.stream().distinct().toList();
		if (!distinct.isEmpty()) {
			catalog.products(distinct).forEach(p -> lineOf.put(p.id(), p.lineId()));
		}
		for (Long product : distinct) {
			if (!lineOf.containsKey(product)) {
				throw new IllegalStateException("Product " + product + " is not in the catalog");
			}
		}
		return lineOf;
	}
}
