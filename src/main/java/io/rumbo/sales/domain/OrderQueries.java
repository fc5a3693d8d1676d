package io.rumbo.sales.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.rumbo.catalog.ProductCatalog;
import io.rumbo.catalog.ProductView;
import io.rumbo.customers.CustomerDirectory;
import io.rumbo.organization.DataScope;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.sales.OrderStatus;
import io.rumbo.sales.OrderSummary;
import io.rumbo.sales.OrderView;
import io.rumbo.shared.domain.NotFoundException;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.PageResponse;

/**
 * Set-based reads of orders. An order is visible when one of its credited people is in the reader's managed subtree
 * (by the unit they were in on the order date) or is the reader; totals are summed in SQL over the same filter.
 */
@Component
public class OrderQueries {

	public static final Map<String, String> SORTS = Map.of("orderDate", "o.order_date", "orderNumber", "o.order_number",
			"netAmount", "o.net_amount", "marginAmount", "o.margin_amount", "customer", "o.customer_id");

	public record Filter(@Nullable Long staffId, @Nullable Set<Long> unitIds, @Nullable Long customerId,
			@Nullable LocalDate from, @Nullable LocalDate to, @Nullable OrderStatus status) {
	}

	public record Totals(long orders, BigDecimal net, BigDecimal margin, BigDecimal units) {
	}

	private final JdbcClient jdbc;
	private final JdbcClient streaming;
	private final OrgDirectory org;
	private final CustomerDirectory customers;
	private final ProductCatalog catalog;

	private final io.rumbo.shared.export.ExportCursor cursor;

	OrderQueries(JdbcClient jdbc, javax.sql.DataSource dataSource, OrgDirectory org, CustomerDirectory customers,
			ProductCatalog catalog, io.rumbo.shared.export.ExportCursor cursor) {
		this.catalog = catalog;
		this.jdbc = jdbc;
		// Exports read with a fetch size, so that PostgreSQL streams rows from a cursor instead of loading them all.
		org.springframework.jdbc.core.JdbcTemplate fetching = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
		fetching.setFetchSize(1000);
		this.streaming = JdbcClient.create(fetching);
		this.cursor = cursor;
		this.org = org;
		this.customers = customers;
	}

	public PageResponse<OrderSummary> orders(DataScope scope, Filter filter, ListQuery query) {
		Map<String, Object> params = new HashMap<>();
		String where = where(scope, filter, params);
		long total = jdbc.sql("SELECT COUNT(*) FROM sales_order o" + where).params(params).query(Long.class).single();
		List<OrderSummary> rows = rows(where + query.orderBy("o.id") + query.limit(), params);
		return PageResponse.of(rows, query, total);
	}

	public Totals totals(DataScope scope, Filter filter) {
		Map<String, Object> params = new HashMap<>();
		String where = where(scope, filter, params) + " AND o.status = 'BOOKED'";
		return jdbc.sql("SELECT COUNT(*), COALESCE(SUM(o.net_amount), 0), COALESCE(SUM(o.margin_amount), 0),"
				+ " COALESCE(SUM(o.units), 0) FROM sales_order o" + where)
			.params(params)
			.query((rs, n) -> new Totals(rs.getLong(1), rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getBigDecimal(4)))
			.single();
	}

	/** Booked net amount and margin per month of the selection, oldest first, for the trend chart. */
	public List<MonthTotal> monthly(DataScope scope, Filter filter) {
		Map<String, Object> params = new HashMap<>();
		String where = where(scope, filter, params) + " AND o.status = 'BOOKED'";
		return jdbc.sql("SELECT EXTRACT(YEAR FROM o.order_date) AS y, EXTRACT(MONTH FROM o.order_date) AS m,"
				+ " SUM(o.net_amount), SUM(o.margin_amount) FROM sales_order o" + where
				+ " GROUP BY EXTRACT(YEAR FROM o.order_date), EXTRACT(MONTH FROM o.order_date) ORDER BY 1, 2")
			.params(params)
			.query((rs, n) -> new MonthTotal(rs.getInt(1), rs.getInt(2), rs.getBigDecimal(3), rs.getBigDecimal(4)))
			.list();
	}

	public record MonthTotal(int year, int month, BigDecimal net, BigDecimal margin) {
	}

	/** The order with product, customer and people names, read in a few set-based queries. */
	public OrderView view(long id) {
		SalesOrderRow head = jdbc.sql("SELECT * FROM sales_order WHERE id = :id")
			.param("id", id)
			.query((rs, n) -> new SalesOrderRow(rs.getLong("id"), rs.getLong("version"), rs.getString("order_number"),
					rs.getString("external_number"), rs.getLong("customer_id"), rs.getObject("order_date", LocalDate.class),
					OrderStatus.valueOf(rs.getString("status")), rs.getString("notes"), rs.getBigDecimal("net_amount"),
					rs.getBigDecimal("cost_amount"), rs.getBigDecimal("margin_amount"), rs.getBigDecimal("units")))
			.optional()
			.orElseThrow(() -> new NotFoundException("order", id));
		List<OrderView.Line> rawLines = jdbc.sql("SELECT * FROM sales_order_line WHERE order_id = :id ORDER BY line_no")
			.param("id", id)
			.query((rs, n) -> new OrderView.Line(rs.getInt("line_no"), rs.getLong("product_id"), null, null,
					rs.getBigDecimal("quantity"), rs.getBigDecimal("unit_price"), rs.getBigDecimal("discount_percent"),
					rs.getBigDecimal("unit_cost"), rs.getBigDecimal("net_amount"), rs.getBigDecimal("cost_amount"),
					rs.getBigDecimal("margin_amount")))
			.list();
		Map<Long, ProductView> products = new HashMap<>();
		catalog.products(rawLines.stream().map(OrderView.Line::productId).distinct().toList())
			.forEach(p -> products.put(p.id(), p));
		List<OrderView.Line> lines = rawLines.stream().map(l -> {
			ProductView p = products.get(l.productId());
			return new OrderView.Line(l.lineNo(), l.productId(), p == null ? null : p.sku(),
					p == null ? null : p.nameEs() + " / " + p.nameEn(), l.quantity(), l.unitPrice(), l.discountPercent(),
					l.unitCost(), l.netAmount(), l.costAmount(), l.marginAmount());
		}).toList();
		List<OrderView.Credit> rawCredits = jdbc
			.sql("SELECT staff_id, unit_id, share_percent FROM sales_order_credit WHERE order_id = :id ORDER BY share_percent DESC")
			.param("id", id)
			.query((rs, n) -> new OrderView.Credit(rs.getLong(1), null, rs.getLong(2), null, rs.getBigDecimal(3)))
			.list();
		Map<Long, String> staffNames = org.staffNames(rawCredits.stream().map(OrderView.Credit::staffId).toList());
		Map<Long, String> unitNames = org.unitNames(rawCredits.stream().map(OrderView.Credit::unitId).toList());
		List<OrderView.Credit> credits = rawCredits.stream()
			.map(c -> new OrderView.Credit(c.staffId(), staffNames.get(c.staffId()), c.unitId(), unitNames.get(c.unitId()),
					c.sharePercent()))
			.toList();
		return new OrderView(head.id(), head.version(), head.number(), head.external(), head.customerId(),
				customers.names(List.of(head.customerId())).get(head.customerId()), head.date(), head.status(),
				head.notes(), head.net(), head.cost(), head.margin(), head.units(), lines, credits);
	}

	private record SalesOrderRow(long id, long version, String number, @Nullable String external, long customerId,
			LocalDate date, OrderStatus status, @Nullable String notes, BigDecimal net, BigDecimal cost,
			BigDecimal margin, BigDecimal units) {
	}

	public boolean visible(DataScope scope, long orderId) {
		Map<String, Object> params = new HashMap<>();
		String where = where(scope, new Filter(null, null, null, null, null, null), params) + " AND o.id = :id";
		params.put("id", orderId);
		return jdbc.sql("SELECT COUNT(*) FROM sales_order o" + where).params(params).query(Long.class).single() > 0;
	}

	/**
	 * Every matching order in one streamed query, named a thousand at a time: the memory an export holds does not
	 * grow with its size (and no page is counted or skipped again).
	 */
	public void each(DataScope scope, Filter filter, ListQuery query, java.util.function.Consumer<OrderSummary> sink) {
		Map<String, Object> params = new HashMap<>();
		String where = where(scope, filter, params);
		List<Row> batch = new ArrayList<>();
		streaming.sql("SELECT o.* FROM sales_order o" + where + query.orderBy("o.id")).params(params).query(rs -> {
			batch.add(row(rs));
			if (batch.size() == 1000) {
				named(batch).forEach(sink);
				batch.clear();
			}
		});
		named(batch).forEach(sink);
	}

	/**
	 * An order line as the order import reads it: the order by its external number, the customer by external id, the
	 * product by SKU, the credits as {@code E0019} or {@code E0019:60;E0022:40} by employee number.
	 */
	public record ExportedLine(@Nullable String order, LocalDate orderDate, @Nullable String customer,
			@Nullable String sku, BigDecimal quantity, BigDecimal unitPrice, BigDecimal discountPercent,
			@Nullable String credits, @Nullable String notes) {
	}

	private record LineRow(long orderId, @Nullable String external, LocalDate date, long customerId,
			@Nullable String notes, long productId, BigDecimal quantity, BigDecimal unitPrice, BigDecimal discount) {
	}

	/**
	 * Every line of the orders the filter selects, in the import's terms, in one streamed query; customers, products
	 * and credits are looked up a thousand lines at a time.
	 */
	public void eachLine(DataScope scope, Filter filter, ListQuery query,
			java.util.function.Consumer<ExportedLine> sink) {
		Map<String, Object> params = new HashMap<>();
		String where = where(scope, filter, params);
		cursor.each("SELECT o.id, o.external_number, o.order_date, o.customer_id, o.notes, l.product_id, l.quantity,"
				+ " l.unit_price, l.discount_percent FROM sales_order o JOIN sales_order_line l ON l.order_id = o.id"
				+ where + query.orderBy("o.id") + ", l.line_no", params,
				(rs, n) -> new LineRow(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class), rs.getLong(4),
						rs.getString(5), rs.getLong(6), rs.getBigDecimal(7), rs.getBigDecimal(8), rs.getBigDecimal(9)),
				this::exported, sink);
	}

	private List<ExportedLine> exported(List<LineRow> lines) {
		Set<Long> orders = new HashSet<>();
		Set<Long> accounts = new HashSet<>();
		Set<Long> products = new HashSet<>();
		lines.forEach(l -> {
			orders.add(l.orderId());
			accounts.add(l.customerId());
			products.add(l.productId());
		});
		Map<Long, List<Object[]>> credits = new HashMap<>();
		Set<Long> staff = new HashSet<>();
		jdbc.sql("SELECT order_id, staff_id, share_percent FROM sales_order_credit WHERE order_id IN (:ids)"
				+ " ORDER BY order_id, share_percent DESC, staff_id")
			.param("ids", orders)
			.query(rs -> {
				credits.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
					.add(new Object[] { rs.getLong(2), rs.getBigDecimal(3) });
				staff.add(rs.getLong(2));
			});
		Map<Long, String> numbers = org.activeEmployeeNumbers(staff);
		Map<Long, String> externalIds = customers.externalIds(accounts);
		Map<Long, String> skus = new HashMap<>();
		catalog.products(products).forEach(p -> skus.put(p.id(), p.sku()));
		Map<Long, String> creditText = new HashMap<>();
		credits.forEach((order, shares) -> {
			if (shares.size() == 1) {
				creditText.put(order, numbers.get((Long) shares.get(0)[0]));
				return;
			}
			StringBuilder text = new StringBuilder();
			for (Object[] share : shares) {
				text.append(text.isEmpty() ? "" : ";").append(numbers.get((Long) share[0])).append(':')
					.append(((BigDecimal) share[1]).stripTrailingZeros().toPlainString());
			}
			creditText.put(order, text.toString());
		});
		return lines.stream()
			.map(l -> new ExportedLine(l.external(), l.date(), externalIds.get(l.customerId()), skus.get(l.productId()),
					l.quantity(), l.unitPrice(), l.discount(), creditText.get(l.orderId()), l.notes()))
			.toList();
	}

	private record Row(long id, long version, String number, @Nullable String external, long customerId, LocalDate date,
			OrderStatus status, BigDecimal net, BigDecimal margin, BigDecimal units) {
	}

	private static Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Row(rs.getLong("id"), rs.getLong("version"), rs.getString("order_number"),
				rs.getString("external_number"), rs.getLong("customer_id"), rs.getObject("order_date", LocalDate.class),
				OrderStatus.valueOf(rs.getString("status")), rs.getBigDecimal("net_amount"),
				rs.getBigDecimal("margin_amount"), rs.getBigDecimal("units"));
	}

	private List<OrderSummary> rows(String whereOrderLimit, Map<String, Object> params) {
		return named(jdbc.sql("SELECT o.* FROM sales_order o" + whereOrderLimit)
			.params(params)
			.query((rs, n) -> row(rs))
			.list());
	}

	private List<OrderSummary> named(List<Row> rows) {
		Map<Long, List<long[]>> credits = new LinkedHashMap<>();
		Set<Long> staff = new HashSet<>();
		if (!rows.isEmpty()) {
			jdbc.sql("SELECT order_id, staff_id, share_percent FROM sales_order_credit WHERE order_id IN (:ids)"
					+ " ORDER BY share_percent DESC, staff_id")
				.param("ids", rows.stream().map(Row::id).toList())
				.query(rs -> {
					credits.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
						.add(new long[] { rs.getLong(2), rs.getBigDecimal(3).longValue() });
					staff.add(rs.getLong(2));
				});
		}
		Map<Long, String> names = org.staffNames(staff);
		Map<Long, String> customerNames = customers.names(rows.stream().map(Row::customerId).collect(
				java.util.stream.Collectors.toSet()));
		List<OrderSummary> result = new ArrayList<>();
		for (Row r : rows) {
			List<String> people = new ArrayList<>();
			for (long[] credit : credits.getOrDefault(r.id(), List.of())) {
				String name = names.getOrDefault(credit[0], "#" + credit[0]);
				people.add(credit[1] == 100 ? name : name + " (" + credit[1] + " %)");
			}
			result.add(new OrderSummary(r.id(), r.version(), r.number(), r.external(), r.customerId(),
					customerNames.get(r.customerId()), r.date(), r.status(), r.net(), r.margin(), r.units(),
					String.join(", ", people)));
		}
		return result;
	}

	/**
	 * The scope and the people and unit filters are uncorrelated {@code IN} lists of order ids read from the credits'
	 * (person, order) and (unit, order) indexes, so a salesperson's few hundred orders are found without walking
	 * the order table (PostgreSQL plans a correlated {@code EXISTS} the same way, but H2 tests it once per order).
	 */
	private static String where(DataScope scope, Filter filter, Map<String, Object> params) {
		StringBuilder where = new StringBuilder(" WHERE 1 = 1");
		if (!scope.all()) {
			where.append(" AND o.id IN (SELECT sc.order_id FROM sales_order_credit sc WHERE ")
				.append(scope.sql("sc.unit_id", "sc.staff_id", params))
				.append(')');
		}
		if (filter.staffId() != null) {
			where.append(" AND o.id IN (SELECT fs.order_id FROM sales_order_credit fs WHERE fs.staff_id = :staff)");
			params.put("staff", filter.staffId());
		}
		if (filter.unitIds() != null) {
			where.append(" AND o.id IN (SELECT fu.order_id FROM sales_order_credit fu WHERE fu.unit_id IN (:units))");
			params.put("units", filter.unitIds().isEmpty() ? List.of(-1L) : filter.unitIds());
		}
		if (filter.customerId() != null) {
			where.append(" AND o.customer_id = :customer");
			params.put("customer", filter.customerId());
		}
		if (filter.from() != null) {
			where.append(" AND o.order_date >= :from");
			params.put("from", filter.from());
		}
		if (filter.to() != null) {
			where.append(" AND o.order_date <= :to");
			params.put("to", filter.to());
		}
		if (filter.status() != null) {
			where.append(" AND o.status = :status");
			params.put("status", filter.status().name());
		}
		return where.toString();
	}
}
