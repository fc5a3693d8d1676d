package io.rumbo.territories.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.rumbo.shared.export.ExportCursor;

/**
 * Where a model puts every account: one statement over the account snapshot, the model's leaf territories, their
 * rules and named accounts, the accounts frozen against realignment and the periods of the active model. The preview
 * shows these rows and the activation writes them, so what is previewed is what happens (decision 0037).
 * <p>
 * A leaf takes an account it names (INCLUDE) first; otherwise the account must satisfy, for every field the leaf has
 * rules on, one of those rules, and not be named EXCLUDE. Among several leaves the lowest rank wins (then the lowest
 * id). A frozen account keeps its owner and unit; when the model takes it, it sits in the leaf assigned to that owner
 * if there is one (the person who keeps serving it), otherwise where the rules put it. An account
 * no leaf takes keeps its owner and has no territory.
 */
@Component
public class Alignment {

	/** One account: from where (today) to where (the model). */
	public record Row(long customerId, String legalName, String potentialClass, @Nullable Long fromTerritoryId,
			@Nullable Long fromOwnerId, long fromUnitId, @Nullable Long toTerritoryId, @Nullable Long toOwnerId,
			long toUnitId, boolean frozen, boolean moves, BigDecimal potential, BigDecimal workloadHours,
			BigDecimal lastYearNet, BigDecimal lastYearMargin) {
	}

	/**
	 * One rule against one account. Postal codes compare only with bounds of their own length (the bounds are
	 * upper-case letters and digits of one length, see {@code Territories.ruleValue}): "1000" is not within
	 * "100".."199", and for strings of one length over [0-9A-Z] H2 and PostgreSQL collations agree with Java.
	 */
	static final String MATCH = """
			((r.field = 'REGION' AND LOWER(a.region) = r.value_from)
			 OR (r.field = 'CITY' AND LOWER(a.city) = r.value_from)
			 OR (r.field = 'INDUSTRY' AND LOWER(a.industry) = r.value_from)
			 OR (r.field = 'COMPANY_SIZE' AND a.company_size = r.value_from)
			 OR (r.field = 'POTENTIAL_CLASS' AND a.potential_class = r.value_from)
			 OR (r.field = 'SEGMENT' AND a.segment = r.value_from)
			 OR (r.field = 'UNIT' AND CAST(a.unit_id AS VARCHAR(100)) = r.value_from)
			 OR (r.field = 'POSTAL_CODE' AND LENGTH(a.postal_code) = LENGTH(r.value_from)
			     AND UPPER(a.postal_code) >= r.value_from AND UPPER(a.postal_code) <= r.value_to))""";

	/** The unit an account goes to (a column of the alignment's last select, for a scope condition). */
	public static final String FROM_UNIT = "p.unit_id";

	/** The unit the model gives an account (a column of the alignment's last select, for a scope condition). */
	public static final String TO_UNIT = "CASE WHEN p.frozen IS NOT NULL OR t.id IS NULL THEN p.unit_id ELSE t.assignee_unit_id END";

	static final String LEAF = "NOT EXISTS (SELECT 1 FROM territories_territory c WHERE c.parent_id = %s.id)";

	/**
	 * The alignment as common table expressions ending in {@code aligned}: one row per account of the snapshot that
	 * satisfies {@code __SCOPE__}, with named columns a page, a count, a sum or a grouping selects from. Workload is
	 * kept in hundredths of an hour rounded half up ({@code (minutes * 100 + 30) / 60}, integer arithmetic that H2 and
	 * PostgreSQL do alike), so sums in SQL equal the sums of the rows.
	 */
	static final String ALIGNED = """
			WITH cand AS (
			  SELECT l.id AS territory_id, n.customer_id, 0 AS pri, l.rank_no
			  FROM territories_territory l JOIN territories_named_account n ON n.territory_id = l.id AND n.mode = 'INCLUDE'
			  WHERE l.model_id = :model AND %1$s
			  UNION ALL
			  SELECT l.id, a.customer_id, 1, l.rank_no
			  FROM territories_territory l CROSS JOIN territories_account a
			  WHERE l.model_id = :model AND %1$s
			    AND EXISTS (SELECT 1 FROM territories_rule r0 WHERE r0.territory_id = l.id)
			    AND NOT EXISTS (SELECT 1 FROM territories_named_account x WHERE x.territory_id = l.id
			                    AND x.customer_id = a.customer_id AND x.mode = 'EXCLUDE')
			    AND NOT EXISTS (SELECT 1 FROM territories_rule f WHERE f.territory_id = l.id AND NOT EXISTS (
			          SELECT 1 FROM territories_rule r WHERE r.territory_id = l.id AND r.field = f.field AND %2$s))
			), best AS (
			  SELECT customer_id, territory_id FROM (
			    SELECT customer_id, territory_id,
			           ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY pri, rank_no, territory_id) AS rn
			    FROM cand) ranked
			  WHERE rn = 1
			), placed AS (
			  SELECT a.customer_id, a.legal_name, a.potential_class, a.owner_staff_id, a.unit_id, a.annual_potential,
			         a.last_year_net, a.last_year_margin,
			         CASE WHEN fz.customer_id IS NULL THEN NULL ELSE 1 END AS frozen,
			         CASE WHEN fz.customer_id IS NULL OR b.territory_id IS NULL THEN b.territory_id
			              ELSE COALESCE((SELECT MIN(o.id) FROM territories_territory o WHERE o.model_id = :model
			                             AND o.assignee_staff_id = a.owner_staff_id AND %3$s), b.territory_id) END AS to_territory
			  FROM territories_account a
			  LEFT JOIN best b ON b.customer_id = a.customer_id
			  LEFT JOIN territories_frozen_account fz ON fz.customer_id = a.customer_id
			), targets AS (
			  SELECT p.customer_id, p.legal_name, p.potential_class, cur.territory_id AS from_territory,
			         p.owner_staff_id AS from_owner, p.unit_id AS from_unit, p.to_territory,
			         CASE WHEN p.frozen IS NOT NULL OR t.id IS NULL THEN p.owner_staff_id ELSE t.assignee_staff_id END AS to_owner,
			         CASE WHEN p.frozen IS NOT NULL OR t.id IS NULL THEN p.unit_id ELSE t.assignee_unit_id END AS to_unit,
			         CASE WHEN p.frozen IS NULL THEN 0 ELSE 1 END AS frozen, p.annual_potential AS potential,
			         (COALESCE(cn.calls_per_year * cn.call_minutes, 0) * 100 + 30) / 60 AS workload_cents,
			         p.last_year_net, p.last_year_margin
			  FROM placed p
			  LEFT JOIN territories_territory t ON t.id = p.to_territory
			  LEFT JOIN territories_account_period cur ON cur.customer_id = p.customer_id AND cur.valid_to IS NULL
			  LEFT JOIN territories_call_norm cn ON cn.potential_class = p.potential_class
			  WHERE __SCOPE__
			), aligned AS (
			  SELECT g.*, CASE WHEN g.from_owner IS NOT DISTINCT FROM g.to_owner AND g.from_unit = g.to_unit THEN 0
			                   ELSE 1 END AS moves
			  FROM targets g
			)
			""".formatted(LEAF.formatted("l"), MATCH, LEAF.formatted("o"));

	/** The columns a {@link Row} is read from, on alias {@code x} of {@code aligned}. */
	static final String ROW_COLUMNS = """
			x.customer_id, x.legal_name, x.potential_class, x.from_territory, x.from_owner, x.from_unit,
			x.to_territory, x.to_owner, x.to_unit, x.frozen, x.moves, x.potential, x.workload_cents,
			x.last_year_net, x.last_year_margin""";

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private final JdbcClient jdbc;
	private final ExportCursor cursor;

	Alignment(JdbcClient jdbc, ExportCursor cursor) {
		this.jdbc = jdbc;
		this.cursor = cursor;
	}

	/**
	 * Which rows of a model's alignment: the reader's {@code scope} (an SQL condition on {@link #FROM_UNIT} and
	 * {@link #TO_UNIT}) and a {@code filter} on the columns of alias {@code x} ({@code TRUE} for all), with the
	 * parameters of both.
	 */
	public record Selection(long modelId, String scope, String filter, Map<String, Object> params) {

		public static Selection all(long modelId) {
			return new Selection(modelId, "TRUE", "TRUE", Map.of());
		}

		Map<String, Object> bound() {
			Map<String, Object> all = new HashMap<>(params);
			all.put("model", modelId);
			return all;
		}

		String select(String columns) {
			return ALIGNED.replace("__SCOPE__", scope) + " SELECT " + columns + " FROM aligned x WHERE (" + filter
					+ ")";
		}
	}

	/** The rows by account name, then id (a unique key, so any two reads give one order). */
	public static final String BY_NAME = "LOWER(x.legal_name), x.customer_id";

	/**
	 * Every live account of the snapshot, placed by the model, by name (refresh the snapshot first), in one list:
	 * for tests and small checks; what reads a company's rows streams them with {@link #each}.
	 */
	public List<Row> of(long modelId) {
		return page(Selection.all(modelId), BY_NAME, 0, Integer.MAX_VALUE);
	}

	/** One page of the selected rows in {@code orderBy} (which must end in a unique key, e.g. the customer id). */
	public List<Row> page(Selection selection, String orderBy, long offset, int limit) {
		String sql = selection.select(ROW_COLUMNS) + " ORDER BY " + orderBy
				+ (limit == Integer.MAX_VALUE ? "" : " LIMIT " + limit + " OFFSET " + offset);
		return jdbc.sql(sql).params(selection.bound()).query(Alignment::row).list();
	}

	/** Every selected row in {@code orderBy}, a batch at a time through a cursor (an export's constant memory). */
	public <V> void each(Selection selection, String orderBy, Function<List<Row>, List<V>> named, Consumer<V> sink) {
		cursor.each(selection.select(ROW_COLUMNS) + " ORDER BY " + orderBy, selection.bound(),
				Alignment::row, named, sink);
	}

	/** Figures over the selected rows, in one grouped statement: counts, and what moves along with the accounts. */
	public record Totals(long accounts, long moving, long frozen, BigDecimal potential, BigDecimal workloadHours,
			BigDecimal lastYearNet, BigDecimal lastYearMargin) {
	}

	public Totals totals(Selection selection) {
		return jdbc.sql(selection.select("""
				COUNT(*), COALESCE(SUM(x.moves), 0), COALESCE(SUM(x.frozen), 0),
				COALESCE(SUM(CASE WHEN x.moves = 1 THEN x.potential END), 0),
				COALESCE(SUM(CASE WHEN x.moves = 1 THEN x.workload_cents END), 0),
				COALESCE(SUM(CASE WHEN x.moves = 1 THEN x.last_year_net END), 0),
				COALESCE(SUM(CASE WHEN x.moves = 1 THEN x.last_year_margin END), 0)"""))
			.params(selection.bound())
			.query((rs, n) -> new Totals(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getBigDecimal(4),
					hours(rs.getBigDecimal(5)), rs.getBigDecimal(6), rs.getBigDecimal(7)))
			.single();
	}

	/** What a territory holds under the model: accounts by potential class and the sums the balance weighs. */
	public record TerritorySums(long accounts, long classA, long classB, long classC, BigDecimal potential,
			BigDecimal workloadHours, BigDecimal lastYearNet, BigDecimal lastYearMargin) {

		public static final TerritorySums NONE = new TerritorySums(0, 0, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO,
				BigDecimal.ZERO, BigDecimal.ZERO);
	}

	/** The selected rows grouped by the territory the model puts them in (accounts no territory takes are left out). */
	public Map<Long, TerritorySums> byTerritory(Selection selection) {
		Map<Long, TerritorySums> sums = new HashMap<>();
		jdbc.sql(selection.select("""
				x.to_territory, COUNT(*), SUM(CASE WHEN x.potential_class = 'A' THEN 1 ELSE 0 END),
				SUM(CASE WHEN x.potential_class = 'B' THEN 1 ELSE 0 END),
				SUM(CASE WHEN x.potential_class IN ('A', 'B') THEN 0 ELSE 1 END), SUM(x.potential),
				SUM(x.workload_cents), SUM(x.last_year_net), SUM(x.last_year_margin)""")
				+ " AND x.to_territory IS NOT NULL GROUP BY x.to_territory")
			.params(selection.bound())
			.query(rs -> {
				sums.put(rs.getLong(1), new TerritorySums(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
						rs.getBigDecimal(6), hours(rs.getBigDecimal(7)), rs.getBigDecimal(8), rs.getBigDecimal(9)));
			});
		return sums;
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		return new Row(rs.getLong(1), rs.getString(2), rs.getString(3), (Long) rs.getObject(4, Long.class),
				(Long) rs.getObject(5, Long.class), rs.getLong(6), (Long) rs.getObject(7, Long.class),
				(Long) rs.getObject(8, Long.class), rs.getLong(9), rs.getInt(10) == 1, rs.getInt(11) == 1,
				rs.getBigDecimal(12), hours(rs.getBigDecimal(13)), rs.getBigDecimal(14), rs.getBigDecimal(15));
	}

	/** Hundredths of an hour to hours with two decimals. */
	private static BigDecimal hours(BigDecimal cents) {
		return cents.divide(HUNDRED, 2, RoundingMode.UNNECESSARY);
	}

	/** The territory of each account on a date (from the periods activation wrote), for the accounts asked. */
	public Map<Long, Long> territoriesOn(java.util.Collection<Long> customerIds, java.time.LocalDate date) {
		Map<Long, Long> found = new HashMap<>();
		if (customerIds.isEmpty()) {
			return found;
		}
		jdbc.sql("""
				SELECT customer_id, territory_id FROM territories_account_period
				WHERE customer_id IN (:ids) AND valid_from <= :d AND (valid_to IS NULL OR valid_to > :d)""")
			.param("ids", customerIds)
			.param("d", date)
			.query(rs -> {
				found.put(rs.getLong(1), rs.getLong(2));
			});
		return found;
	}
}
