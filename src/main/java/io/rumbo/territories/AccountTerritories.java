package io.rumbo.territories;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.identity.CurrentUser;
import io.rumbo.organization.DataScopes;
import io.rumbo.territories.domain.Alignment;

/**
 * The territories accounts sit in, as activations stored them: the leaves of the active model assigned to the reader
 * with their balance, and which territory held an account from which date to which (what an order of a date takes).
 * Reads only: no evaluation runs.
 */
@Service
public class AccountTerritories {

	/** An account's territory period (what an order of that date takes). */
	@io.swagger.v3.oas.annotations.media.Schema(name = "TerritoriesAccountTerritory")
	public record AccountTerritory(long customerId, long territoryId, String territoryCode, String territoryName,
			long modelId, @Nullable Long ownerStaffId, long unitId, LocalDate validFrom, @Nullable LocalDate validTo) {
	}

	private final JdbcClient jdbc;
	private final DataScopes scopes;
	private final Clock clock;
	private final TerritoryBalances balances;

	AccountTerritories(JdbcClient jdbc, DataScopes scopes, Clock clock, TerritoryBalances balances) {
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.clock = clock;
		this.balances = balances;
	}

	/**
	 * The leaves of the active model in the reader's scope, with their balance against the model's average: a
	 * salesperson's own territories, a manager's those assigned within their units, everything for company-wide roles.
	 * Read from what the activation stored (the open periods of the active model in {@code territories_account_period}
	 * and the account figures of the copy, as its events keep it), grouped by territory in SQL: a read writes nothing
	 * and runs no evaluation.
	 */
	@Transactional(readOnly = true)
	public List<BalanceRow> mine(CurrentUser user) {
		Long active = jdbc.sql("SELECT id FROM territories_model WHERE status = 'ACTIVE'").query(Long.class).optional()
			.orElse(null);
		if (active == null) {
			return List.of();
		}
		Map<String, Object> params = new HashMap<>();
		params.put("m", active);
		Set<Long> mine = new java.util.HashSet<>(jdbc.sql("SELECT t.id FROM territories_territory t WHERE t.model_id = :m"
				+ " AND " + scopes.of(user).sql("t.assignee_unit_id", "t.assignee_staff_id", params))
			.params(params).query(Long.class).list());
		if (mine.isEmpty()) {
			return List.of();
		}
		return TerritoryBalances.balance(balances.leaves(active), stored(active), BalanceIndex.WORKLOAD).stream()
			.filter(b -> mine.contains(b.territoryId()))
			.toList();
	}

	/**
	 * What each territory of a model holds today as its activation stored it (open periods), with the figures of the
	 * account copy (accounts no longer live have left the copy and are not counted), grouped in SQL: workload in
	 * hundredths of an hour per account as the preview rounds it ({@code Alignment}).
	 */
	private Map<Long, Alignment.TerritorySums> stored(long modelId) {
		Map<Long, Alignment.TerritorySums> sums = new HashMap<>();
		jdbc.sql("""
				SELECT p.territory_id, COUNT(*), SUM(CASE WHEN a.potential_class = 'A' THEN 1 ELSE 0 END),
				       SUM(CASE WHEN a.potential_class = 'B' THEN 1 ELSE 0 END),
				       SUM(CASE WHEN a.potential_class IN ('A', 'B') THEN 0 ELSE 1 END), SUM(a.annual_potential),
				       SUM((COALESCE(cn.calls_per_year * cn.call_minutes, 0) * 100 + 30) / 60), SUM(a.last_year_net),
				       SUM(a.last_year_margin)
				FROM territories_account_period p
				JOIN territories_account a ON a.customer_id = p.customer_id
				LEFT JOIN territories_call_norm cn ON cn.potential_class = a.potential_class
				WHERE p.model_id = :m AND p.valid_to IS NULL AND p.valid_from <= :d
				GROUP BY p.territory_id""")
			.param("m", modelId)
			.param("d", LocalDate.now(clock))
			.query(rs -> {
				sums.put(rs.getLong(1), new Alignment.TerritorySums(rs.getLong(2), rs.getLong(3), rs.getLong(4),
						rs.getLong(5), rs.getBigDecimal(6),
						rs.getBigDecimal(7).divide(BigDecimal.valueOf(100), 2, RoundingMode.UNNECESSARY),
						rs.getBigDecimal(8), rs.getBigDecimal(9)));
			});
		return sums;
	}

	/** The sort keys of the account periods. */
	public static final Map<String, String> PERIOD_SORTS = Map.of("validFrom", "p.valid_from", "customerId",
			"p.customer_id", "territory", "t.code");

	/**
	 * Which territory held each account from which date to which, as activations wrote it, for the accounts the
	 * reader sees (the period's unit or owner in their scope, in SQL). {@code customerId} and {@code on} narrow it to
	 * one account on one date: the territory an order of that date takes from its customer.
	 */
	@Transactional(readOnly = true)
	public io.rumbo.shared.web.PageResponse<AccountTerritory> periods(CurrentUser user, @Nullable Long customerId,
			@Nullable LocalDate on, @Nullable Long modelId, io.rumbo.shared.web.ListQuery query) {
		Map<String, Object> params = new HashMap<>();
		StringBuilder where = new StringBuilder(" WHERE ")
			.append(scopes.of(user).sql("p.unit_id", "p.owner_staff_id", params));
		if (customerId != null) {
			where.append(" AND p.customer_id = :c");
			params.put("c", customerId);
		}
		if (on != null) {
			where.append(" AND p.valid_from <= :d AND (p.valid_to IS NULL OR p.valid_to > :d)");
			params.put("d", on);
		}
		if (modelId != null) {
			where.append(" AND p.model_id = :m");
			params.put("m", modelId);
		}
		String from = " FROM territories_account_period p JOIN territories_territory t ON t.id = p.territory_id";
		long total = jdbc.sql("SELECT COUNT(*)" + from + where).params(params).query(Long.class).single();
		List<AccountTerritory> rows = jdbc.sql("""
				SELECT p.customer_id, p.territory_id, t.code, t.name, p.model_id, p.owner_staff_id, p.unit_id,
				       p.valid_from, p.valid_to""" + from + where + " " + query.orderBy("p.id") + query.limit())
			.params(params)
			.query((rs, n) -> new AccountTerritory(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
					rs.getLong(5), (Long) rs.getObject(6, Long.class), rs.getLong(7), rs.getObject(8, LocalDate.class),
					rs.getObject(9, LocalDate.class)))
			.list();
		return io.rumbo.shared.web.PageResponse.of(rows, query, total);
	}
}
