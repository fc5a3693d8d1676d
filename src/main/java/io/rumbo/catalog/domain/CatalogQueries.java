package io.rumbo.catalog.domain;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.rumbo.catalog.CostHistory;
import io.rumbo.catalog.ProductFilter;
import io.rumbo.catalog.ProductLineView;
import io.rumbo.catalog.ProductView;
import io.rumbo.catalog.UnitOfMeasure;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.PageResponse;

/** Set-based reads of the catalog: one count and one page query per list, the cost in force joined in SQL. */
@Component
public class CatalogQueries {

	public static final Map<String, String> PRODUCT_SORTS = Map.of("sku", "p.sku", "nameEs", "p.name_es", "nameEn",
			"p.name_en", "listPrice", "p.list_price", "line", "l.code", "standardCost", "c.standard_cost");

	public static final Map<String, String> LINE_SORTS = Map.of("code", "l.code", "nameEs", "l.name_es", "nameEn",
			"l.name_en");

	private final JdbcClient jdbc;
	private final io.rumbo.shared.export.ExportCursor cursor;

	CatalogQueries(JdbcClient jdbc, io.rumbo.shared.export.ExportCursor cursor) {
		this.jdbc = jdbc;
		this.cursor = cursor;
	}

	/** The cost in force on {@code :today}: the latest start on or before it. */
	private static final String CURRENT_COST = " " + """
			LEFT JOIN catalog_product_cost c ON c.product_id = p.id AND c.valid_from = (
			   SELECT MAX(c2.valid_from) FROM catalog_product_cost c2
			   WHERE c2.product_id = p.id AND c2.valid_from <= :today)""";

	public PageResponse<ProductView> products(ProductFilter filter, ListQuery query, LocalDate today) {
		Map<String, Object> params = new HashMap<>();
		String from = productFrom() + productWhere(filter, params);
		params.put("today", today);
		long total = jdbc.sql("SELECT COUNT(*)" + from).params(params).query(Long.class).single();
		List<ProductView> rows = jdbc.sql(productSelect() + from + query.orderBy("p.id") + query.limit())
			.params(params)
			.query(CatalogQueries::product)
			.list();
		return PageResponse.of(rows, query, total);
	}

	public void eachProduct(ProductFilter filter, ListQuery query, LocalDate today, Consumer<ProductView> sink) {
		Map<String, Object> params = new HashMap<>();
		String from = productFrom() + productWhere(filter, params);
		params.put("today", today);
		// One query with a fetch size (a cursor on PostgreSQL): the export holds a batch, never the catalog.
		cursor.each(productSelect() + from + query.orderBy("p.id"), params, CatalogQueries::product, sink);
	}

	public @Nullable ProductView product(long id, LocalDate today) {
		return jdbc.sql(productSelect() + productFrom() + " WHERE p.id = :id")
			.param("id", id)
			.param("today", today)
			.query(CatalogQueries::product)
			.optional()
			.orElse(null);
	}

	public List<ProductView> productsById(Collection<Long> ids, LocalDate today) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(productSelect() + productFrom() + " WHERE p.id IN (:ids)")
			.param("ids", ids)
			.param("today", today)
			.query(CatalogQueries::product)
			.list();
	}

	/** Products whose SKU is one of these, compared case-insensitively (give them in upper case), in one query. */
	public List<ProductView> productsBySku(Collection<String> upperSkus, LocalDate today) {
		if (upperSkus.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(productSelect() + productFrom() + " WHERE UPPER(p.sku) IN (:skus)")
			.param("skus", upperSkus)
			.param("today", today)
			.query(CatalogQueries::product)
			.list();
	}

	/** Every cost period of the given products, in one query. */
	private static final String COSTS = """
			SELECT p.sku, c.valid_from, c.standard_cost
			FROM catalog_product_cost c JOIN catalog_product p ON p.id = c.product_id
			ORDER BY p.sku, c.valid_from""";

	/** Every cost period of every product, by SKU and start, a page at a time. */
	public PageResponse<io.rumbo.catalog.ProductCostView> costs(ListQuery query) {
		long total = jdbc.sql("SELECT COUNT(*) FROM catalog_product_cost").query(Long.class).single();
		List<io.rumbo.catalog.ProductCostView> rows = jdbc.sql(COSTS + query.limit())
			.query(CatalogQueries::cost)
			.list();
		return PageResponse.of(rows, query, total);
	}

	/** Every cost period through the export cursor: the export holds a batch, never the whole history. */
	public void eachCost(Consumer<io.rumbo.catalog.ProductCostView> sink) {
		cursor.each(COSTS, Map.of(), CatalogQueries::cost, sink);
	}

	private static io.rumbo.catalog.ProductCostView cost(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new io.rumbo.catalog.ProductCostView(rs.getString(1), rs.getObject(2, LocalDate.class),
				rs.getBigDecimal(3));
	}

	public List<Long> activeProductIds() {
		return jdbc.sql("SELECT id FROM catalog_product WHERE active = TRUE ORDER BY id").query(Long.class).list();
	}

	public Map<Long, CostHistory> costHistories(Collection<Long> productIds) {
		Map<Long, List<CostHistory.Start>> starts = new HashMap<>();
		if (!productIds.isEmpty()) {
			jdbc.sql("SELECT product_id, valid_from, standard_cost FROM catalog_product_cost WHERE product_id IN (:ids)")
				.param("ids", productIds)
				.query(rs -> {
					starts.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
						.add(new CostHistory.Start(rs.getObject(2, LocalDate.class), rs.getBigDecimal(3)));
				});
		}
		Map<Long, CostHistory> histories = new HashMap<>();
		for (Long id : productIds) {
			histories.put(id, new CostHistory(starts.getOrDefault(id, List.of())));
		}
		return histories;
	}

	public List<ProductLineView> lines(boolean includeArchived, ListQuery query) {
		return jdbc.sql("""
				SELECT l.*, (SELECT COUNT(*) FROM catalog_product p WHERE p.line_id = l.id AND p.active = TRUE) AS products
				FROM catalog_product_line l""" + (includeArchived ? "" : " WHERE l.active = TRUE") + query.orderBy("l.id"))
			.query((rs, n) -> new ProductLineView(rs.getLong("id"), rs.getLong("version"), rs.getString("code"),
					rs.getString("name_es"), rs.getString("name_en"), rs.getBoolean("active"), rs.getLong("products")))
			.list();
	}

	private static String productSelect() {
		return "SELECT p.*, l.code AS line_code, l.name_es AS line_name_es, l.name_en AS line_name_en,"
				+ " c.standard_cost, c.valid_from AS cost_valid_from";
	}

	private static String productFrom() {
		return " FROM catalog_product p JOIN catalog_product_line l ON l.id = p.line_id" + CURRENT_COST;
	}

	private static String productWhere(ProductFilter filter, Map<String, Object> params) {
		StringBuilder where = new StringBuilder(" WHERE 1 = 1");
		if (filter.q() != null && !filter.q().isBlank()) {
			where.append(" AND (LOWER(p.sku) LIKE :q OR LOWER(p.name_es) LIKE :q OR LOWER(p.name_en) LIKE :q)");
			params.put("q", io.rumbo.shared.sql.Like.containing(filter.q()));
		}
		if (filter.lineId() != null) {
			where.append(" AND p.line_id = :line");
			params.put("line", filter.lineId());
		}
		if (filter.active() != null) {
			where.append(" AND p.active = :active");
			params.put("active", filter.active());
		}
		return where.toString();
	}

	private static ProductView product(ResultSet rs, int n) throws SQLException {
		BigDecimal cost = rs.getBigDecimal("standard_cost");
		return new ProductView(rs.getLong("id"), rs.getLong("version"), rs.getString("sku"), rs.getString("name_es"),
				rs.getString("name_en"), rs.getLong("line_id"), rs.getString("line_code"), rs.getString("line_name_es"),
				rs.getString("line_name_en"), UnitOfMeasure.valueOf(rs.getString("unit_of_measure")),
				rs.getBigDecimal("list_price"), cost, rs.getObject("cost_valid_from", LocalDate.class),
				rs.getBoolean("active"));
	}
}
