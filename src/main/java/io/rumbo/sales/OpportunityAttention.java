package io.rumbo.sales;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.identity.CurrentUser;
import io.rumbo.organization.DataScopes;

/**
 * Open opportunities that ask for attention, for the home pages: those expected to close within a range of days, and
 * stale ones, with nothing done with the customer and no stage move for a number of days. One statement each, with the
 * reader's scope in its SQL (a salesperson reads their own, a manager their subtree).
 */
@Service
public class OpportunityAttention {

	/** Days without a done activity with the customer or a stage move after which an open deal is stale. */
	public static final int STALE_DAYS = 21;

	/** An open deal and the last day something happened on it (a done activity with its customer, a stage move). */
	public record Stale(OpportunityView opportunity, @Nullable LocalDate lastTouched) {
	}

	private final OpportunityQueries queries;
	private final PipelineStages stages;
	private final DataScopes scopes;
	private final JdbcClient jdbc;
	private final Clock clock;

	OpportunityAttention(OpportunityQueries queries, PipelineStages stages, DataScopes scopes, JdbcClient jdbc,
			Clock clock) {
		this.queries = queries;
		this.stages = stages;
		this.scopes = scopes;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Open deals of the owner (or of everyone in scope) expected to close from {@code from} to {@code to}, nearest first. */
	@Transactional(readOnly = true)
	public List<OpportunityView> closing(CurrentUser actor, @Nullable Long ownerStaffId, LocalDate from, LocalDate to,
			int limit) {
		Map<String, Object> params = new HashMap<>();
		String where = openWhere(actor, ownerStaffId, params) + " AND o.expected_close BETWEEN :from AND :to";
		params.put("from", from);
		params.put("to", to);
		params.put("limit", limit);
		Map<String, Stage> byCode = stages.byCode();
		return queries.named(jdbc.sql("SELECT o.* FROM sales_opportunity o" + where
				+ " ORDER BY o.expected_close, o.id LIMIT :limit")
			.params(params)
			.query((rs, n) -> OpportunityQueries.view(rs, byCode, List.of()))
			.list());
	}

	/**
	 * Open deals of the owner (or of everyone in scope) with no activity with their customer done and no stage move in
	 * the last {@code days} days, the longest untouched first.
	 */
	@Transactional(readOnly = true)
	public List<Stale> stale(CurrentUser actor, @Nullable Long ownerStaffId, int days, int limit) {
		Map<String, Object> params = new HashMap<>();
		String where = openWhere(actor, ownerStaffId, params);
		params.put("since", LocalDate.now(clock).minusDays(days));
		params.put("limit", limit);
		Map<String, Stage> byCode = stages.byCode();
		Map<Long, LocalDate> touched = new HashMap<>();
		List<OpportunityView> raw = jdbc.sql("""
				SELECT * FROM (
				  SELECT o.*,
				    (SELECT MAX(a.done_on) FROM sales_activity a WHERE a.customer_id = o.customer_id) AS last_visit,
				    (SELECT MAX(c.changed_on) FROM sales_opportunity_stage_change c WHERE c.opportunity_id = o.id) AS last_move
				  FROM sales_opportunity o""" + where + """
				) s
				WHERE (s.last_visit IS NULL OR s.last_visit < :since) AND (s.last_move IS NULL OR s.last_move < :since)
				ORDER BY COALESCE(CASE WHEN s.last_visit > s.last_move THEN s.last_visit ELSE s.last_move END,
				  s.last_visit, s.last_move), s.id
				LIMIT :limit""")
			.params(params)
			.query((rs, n) -> {
				OpportunityView view = OpportunityQueries.view(rs, byCode, List.of());
				LocalDate visit = rs.getObject("last_visit", LocalDate.class);
				LocalDate move = rs.getObject("last_move", LocalDate.class);
				LocalDate last = visit == null ? move : move == null || visit.isAfter(move) ? visit : move;
				if (last != null) {
					touched.put(view.id(), last);
				}
				return view;
			})
			.list();
		return queries.named(raw).stream().map(o -> new Stale(o, touched.get(o.id()))).toList();
	}

	/**
	 * The open pipeline of each owner in the reader's scope, weighted by each stage's probability: one grouped
	 * statement, whatever the number of people.
	 */
	@Transactional(readOnly = true)
	public Map<Long, java.math.BigDecimal> weightedByOwner(CurrentUser actor) {
		Map<String, Object> params = new HashMap<>();
		String where = openWhere(actor, null, params);
		Map<String, Stage> byCode = stages.byCode();
		Map<Long, java.math.BigDecimal> weighted = new HashMap<>();
		jdbc.sql("SELECT o.owner_staff_id, o.stage_code, SUM(o.amount) FROM sales_opportunity o" + where
				+ " GROUP BY o.owner_staff_id, o.stage_code")
			.params(params)
			.query(rs -> {
				java.math.BigDecimal part = rs.getBigDecimal(3)
					.multiply(java.math.BigDecimal.valueOf(byCode.get(rs.getString(2)).probability()))
					.divide(io.rumbo.shared.money.Amounts.HUNDRED);
				weighted.merge(rs.getLong(1), part, java.math.BigDecimal::add);
			});
		weighted.replaceAll((owner, sum) -> io.rumbo.shared.money.Amounts.money(sum));
		return weighted;
	}

	private String openWhere(CurrentUser actor, @Nullable Long ownerStaffId, Map<String, Object> params) {
		StringBuilder where = new StringBuilder(" WHERE ")
			.append(scopes.of(actor).sql("o.owner_unit_id", "o.owner_staff_id", params))
			.append(" AND o.stage_code IN (SELECT code FROM sales_stage WHERE outcome = 'OPEN')");
		if (ownerStaffId != null) {
			where.append(" AND o.owner_staff_id = :owner");
			params.put("owner", ownerStaffId);
		}
		return where.toString();
	}
}
