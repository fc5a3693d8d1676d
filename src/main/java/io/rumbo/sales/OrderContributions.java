package io.rumbo.sales;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.catalog.ProductCatalog;

/**
 * What each booked order counts for in the metrics facts, order by order: the metrics module keeps it per order, so
 * that a late, changed or cancelled order costs what that order touches (read by order id, the primary key) rather
 * than what the people and months it touches hold. Shares, returns and cancellations as in {@link SalesMeasures}: a
 * cancelled order contributes nothing, a return contributes its (negative) amounts and no order. One statement per
 * kind for any number of orders (a few when they exceed the driver's parameter limit).
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

	/** The lines of these orders, by credited person and product line (cancelled or unknown orders: none). */
	@Transactional(readOnly = true)
	public List<OrderLine> lines(Collection<Long> orderIds) {
		return byIds(orderIds, chunk -> lines(" AND o.id IN (:ids)", Map.of("ids", chunk)));
	}

	/** The order counts of these orders (returns and cancelled orders: none). */
	@Transactional(readOnly = true)
	public List<OrderCount> counts(Collection<Long> orderIds) {
		return byIds(orderIds, chunk -> counts(" AND o.id IN (:ids)", Map.of("ids", chunk)));
	}

	/** {@link #lines(Collection)} of every booked order dated in the range: a rebuild's read, a few months at a time. */
	@Transactional(readOnly = true)
	public List<OrderLine> lines(LocalDate from, LocalDate to) {
		return lines(" AND o.order_date >= :from AND o.order_date < :to", Map.of("from", from, "to", to));
	}

	/** {@link #counts(Collection)} of every booked order dated in the range. */
	@Transactional(readOnly = true)
	public List<OrderCount> counts(LocalDate from, LocalDate to) {
		return counts(" AND o.order_date >= :from AND o.order_date < :to", Map.of("from", from, "to", to));
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

	private List<OrderLine> lines(String condition, Map<String, ?> params) {
		record Row(long order, long customer, long staff, long unit, LocalDate month, long product, BigDecimal net,
				BigDecimal units, BigDecimal margin) {
		}
		List<Row> rows = jdbc.sql("SELECT " + GROUP + ", l.product_id, SUM(l.net_amount * c.share_percent),"
				+ " SUM(l.quantity * c.share_percent), SUM(l.margin_amount * c.share_percent)" + FROM
				+ " JOIN sales_order_line l ON l.order_id = o.id WHERE o.status = 'BOOKED'" + condition + " GROUP BY "
				+ GROUP + ", l.product_id")
			.params(params)
			.query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
					SalesMeasures.month(rs, 5), rs.getLong(7), SalesMeasures.share(rs.getBigDecimal(8)),
					SalesMeasures.share(rs.getBigDecimal(9)), SalesMeasures.share(rs.getBigDecimal(10))))
			.list();
		Map<Long, Long> lineOf = linesOf(catalog, rows.stream().map(Row::product).toList());
		record Key(long order, long customer, long staff, long unit, LocalDate month, long line) {
		}
		Map<Key, BigDecimal[]> sums = new LinkedHashMap<>();
		for (Row r : rows) {
			BigDecimal[] s = sums.computeIfAbsent(
					new Key(r.order(), r.customer(), r.staff(), r.unit(), r.month(), lineOf.get(r.product())),
					k -> new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO });
			s[0] = s[0].add(r.net());
			s[1] = s[1].add(r.units());
			s[2] = s[2].add(r.margin());
		}
		List<OrderLine> result = new ArrayList<>(sums.size());
		sums.forEach((k, s) -> result.add(new OrderLine(k.order(), k.customer(), k.staff(), k.unit(), k.month(),
				k.line(), s[0], s[1], s[2])));
		return result;
	}

	private List<OrderCount> counts(String condition, Map<String, ?> params) {
		return jdbc.sql("SELECT " + GROUP + ", COUNT(*)" + FROM + " WHERE o.status = 'BOOKED'" + condition
				+ SalesMeasures.NOT_RETURN + " GROUP BY " + GROUP)
			.params(params)
			.query((rs, n) -> new OrderCount(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
					SalesMeasures.month(rs, 5), rs.getLong(7)))
			.list();
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

	/** A read by ids, one statement per ids cut under the driver's parameter limit. */
	private static <T> List<T> byIds(Collection<Long> ids, Function<List<Long>, List<T>> read) {
		List<Long> all = ids.stream().distinct().toList();
		List<T> result = new ArrayList<>();
		for (int at = 0; at < all.size(); at += SalesMeasures.MAX_PARAMS) {
			result.addAll(read.apply(all.subList(at, Math.min(all.size(), at + SalesMeasures.MAX_PARAMS))));
		}
		return result;
	}
}
