package io.rumbo.territories.domain;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

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

	static final String SQL = """
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
			)
			SELECT p.customer_id, p.legal_name, p.potential_class, cur.territory_id, p.owner_staff_id, p.unit_id,
			       p.to_territory,
			       CASE WHEN p.frozen IS NOT NULL OR t.id IS NULL THEN p.owner_staff_id ELSE t.assignee_staff_id END,
			       CASE WHEN p.frozen IS NOT NULL OR t.id IS NULL THEN p.unit_id ELSE t.assignee_unit_id END,
			       p.frozen, p.annual_potential,
			       COALESCE(cn.calls_per_year * cn.call_minutes, 0), p.last_year_net, p.last_year_margin
			FROM placed p
			LEFT JOIN territories_territory t ON t.id = p.to_territory
			LEFT JOIN territories_account_period cur ON cur.customer_id = p.customer_id AND cur.valid_to IS NULL
			LEFT JOIN territories_call_norm cn ON cn.potential_class = p.potential_class
			WHERE __SCOPE__
			ORDER BY p.legal_name, p.customer_id""".formatted(LEAF.formatted("l"), MATCH, LEAF.formatted("o"));

	private static final BigDecimal SIXTY = BigDecimal.valueOf(60);

	private final JdbcClient jdbc;

	Alignment(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every live account of the snapshot, placed by the model (refresh the snapshot first). */
	public List<Row> of(long modelId) {
		return of(modelId, "TRUE", Map.of());
	}

	/**
	 * The rows of {@link #of(long)} that satisfy {@code scope}, an SQL condition on {@link #FROM_UNIT} and
	 * {@link #TO_UNIT} (with its parameters): the reader's rows are chosen in the statement.
	 */
	public List<Row> of(long modelId, String scope, Map<String, Object> scopeParams) {
		Map<String, Object> params = new HashMap<>(scopeParams);
		params.put("model", modelId);
		return jdbc.sql(SQL.replace("__SCOPE__", scope)).params(params).query((rs, n) -> {
			Long fromOwner = (Long) rs.getObject(5, Long.class);
			long fromUnit = rs.getLong(6);
			Long toOwner = (Long) rs.getObject(8, Long.class);
			long toUnit = rs.getLong(9);
			boolean moves = !java.util.Objects.equals(fromOwner, toOwner) || fromUnit != toUnit;
			return new Row(rs.getLong(1), rs.getString(2), rs.getString(3), (Long) rs.getObject(4, Long.class),
					fromOwner, fromUnit, (Long) rs.getObject(7, Long.class), toOwner, toUnit, rs.getObject(10) != null,
					moves, rs.getBigDecimal(11),
					rs.getBigDecimal(12).divide(SIXTY, 2, java.math.RoundingMode.HALF_UP), rs.getBigDecimal(13),
					rs.getBigDecimal(14));
		}).list();
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
