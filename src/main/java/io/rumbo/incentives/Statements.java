package io.rumbo.incentives;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.identity.CurrentUser;
import io.rumbo.incentives.PayoutViews.StatementLine;
import io.rumbo.incentives.PayoutViews.StatementSummary;
import io.rumbo.incentives.PayoutViews.StatementView;
import io.rumbo.metrics.Metric;
import io.rumbo.metrics.MetricsReports;
import io.rumbo.organization.DataScope;
import io.rumbo.organization.DataScopes;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.shared.domain.NotFoundException;
import io.rumbo.shared.money.Amounts;
import io.rumbo.shared.time.FiscalPeriod;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.PageResponse;

/**
 * The statements of the payout runs, as their readers see them (docs/incentives.md, "Statements"; decision 0022):
 * the list in the reader's scope, one statement with its lines and, per line, the drill-down to the records behind
 * its measure. Finance, directors and administrators read every statement, drafts included; managers their
 * subtree's and salespeople their own, of approved runs only. The runs themselves are {@link PayoutRuns}.
 */
@Service
public class Statements {

	public static final Map<String, String> SORTS = Map.of("period", "r.period_start", "plan", "s.plan_code",
			"staff", "s.staff_id", "payable", "s.payable", "earned", "s.earned");

	/** The name of the plan version a statement's run paid (a plan code names every version of a plan). */
	private static final String PLAN_NAME = "(SELECT p.name FROM incentives_payout_run_plan rp JOIN incentives_plan p "
			+ "ON p.id = rp.plan_id WHERE rp.run_id = s.run_id AND rp.plan_code = s.plan_code) AS plan_name";

	/** Statement list filter: a run, a person, a period code, a plan code. */
	public record Filter(@Nullable Long runId, @Nullable Long staffId, @Nullable String period,
			@Nullable String planCode) {
	}

	private final MetricsReports periods;
	private final OrgDirectory org;
	private final DataScopes scopes;
	private final JdbcClient jdbc;

	Statements(MetricsReports periods, OrgDirectory org, DataScopes scopes, JdbcClient jdbc) {
		this.periods = periods;
		this.org = org;
		this.scopes = scopes;
		this.jdbc = jdbc;
	}

	/**
	 * The statements the reader may see (the scope in SQL): finance, directors and administrators every one;
	 * managers their subtree's and salespeople their own, of approved runs only.
	 */
	@Transactional(readOnly = true)
	public PageResponse<StatementSummary> list(CurrentUser actor, Filter filter, ListQuery query) {
		Map<String, Object> params = new HashMap<>();
		String where = statementWhere(actor, params);
		StringBuilder sql = new StringBuilder(where);
		if (filter.runId() != null) {
			sql.append(" AND s.run_id = :runId");
			params.put("runId", filter.runId());
		}
		if (filter.staffId() != null) {
			sql.append(" AND s.staff_id = :staffId");
			params.put("staffId", filter.staffId());
		}
		if (filter.planCode() != null && !filter.planCode().isBlank()) {
			sql.append(" AND s.plan_code = :planCode");
			params.put("planCode", filter.planCode().trim().toUpperCase(java.util.Locale.ROOT));
		}
		if (filter.period() != null && !filter.period().isBlank()) {
			FiscalPeriod period = periods.period(filter.period());
			sql.append(" AND r.period_start >= :start AND r.period_end <= :end");
			params.put("start", period.start());
			params.put("end", period.end());
		}
		String from = " FROM incentives_payout_statement s JOIN incentives_payout_run r ON r.id = s.run_id";
		long total = jdbc.sql("SELECT COUNT(*)" + from + sql).params(params).query(Long.class).single();
		List<Map<String, Object>> rows = jdbc.sql("SELECT s.*, r.period_code, r.state AS run_state, " + PLAN_NAME + from + sql
				+ query.orderBy("s.run_id, s.plan_code, s.staff_id") + query.limit()).params(params).query().listOfRows();
		return PageResponse.of(summaries(rows), query, total);
	}

	/**
	 * The name of the plan version a run paid for a plan code, or the code when the run did not pay it. A plan's
	 * name is no more confidential than its code, which every statement and dispute already shows.
	 */
	@Transactional(readOnly = true)
	public String planName(long runId, String planCode) {
		return jdbc.sql("SELECT p.name FROM incentives_payout_run_plan rp JOIN incentives_plan p ON p.id = rp.plan_id "
				+ "WHERE rp.run_id = :run AND rp.plan_code = :plan")
			.param("run", runId)
			.param("plan", planCode)
			.query(String.class)
			.optional()
			.orElse(planCode);
	}

	/** One statement with its lines, or 404 when it does not exist or is out of the reader's scope. */
	@Transactional(readOnly = true)
	public StatementView get(CurrentUser actor, long runId, String planCode, long staffId) {
		Map<String, Object> params = new HashMap<>();
		String where = statementWhere(actor, params)
				+ " AND s.run_id = :runId AND s.plan_code = :planCode AND s.staff_id = :staffId";
		params.put("runId", runId);
		params.put("planCode", planCode);
		params.put("staffId", staffId);
		List<Map<String, Object>> rows = jdbc.sql("SELECT s.*, r.period_code, r.state AS run_state, " + PLAN_NAME
				+ " FROM incentives_payout_statement s JOIN incentives_payout_run r ON r.id = s.run_id" + where)
			.params(params)
			.query()
			.listOfRows();
		if (rows.isEmpty()) {
			throw new NotFoundException("statement", runId + "/" + planCode + "/" + staffId);
		}
		StatementSummary summary = summaries(rows).get(0);
		Map<Long, DisputeViews.LineDispute> disputed = new HashMap<>();
		Map<Long, Long> cited = new HashMap<>();
		jdbc.sql("""
				SELECT id, line_id, state, paid_run_id, paid_line_id FROM incentives_dispute
				WHERE staff_id = :staffId AND plan_code = :planCode AND (run_id = :runId OR paid_run_id = :runId)
				ORDER BY id""")
			.param("runId", runId)
			.param("planCode", planCode)
			.param("staffId", staffId)
			.query(rs -> {
				if (rs.getLong("paid_run_id") == runId && rs.getObject("paid_line_id") != null) {
					cited.put(rs.getLong("paid_line_id"), rs.getLong("id"));
				}
				disputed.put(rs.getLong("line_id"),
						new DisputeViews.LineDispute(rs.getLong("id"), DisputeState.valueOf(rs.getString("state"))));
			});
		List<StatementLine> lines = jdbc.sql("""
				SELECT * FROM incentives_payout_line WHERE run_id = :runId AND plan_code = :planCode
				AND staff_id = :staffId ORDER BY CASE kind WHEN 'EARNING' THEN 0 ELSE 1 END, component, span_from, id""")
			.param("runId", runId)
			.param("planCode", planCode)
			.param("staffId", staffId)
			.query((rs, n) -> {
				Metric metric = Metric.valueOf(rs.getString("metric"));
				MeasuredOn on = MeasuredOn.valueOf(rs.getString("measured_on"));
				Long line = rs.getObject("product_line_id") == null ? null : rs.getLong("product_line_id");
				String forPeriod = rs.getString("for_period");
				String records = records(metric, forPeriod, on, summary, line);
				return new StatementLine(rs.getLong("id"), PayoutLineKind.valueOf(rs.getString("kind")),
						rs.getInt("component"), rs.getString("component_name"), metric, line, on, forPeriod,
						rs.getObject("span_from", LocalDate.class), rs.getObject("span_to", LocalDate.class),
						rs.getBigDecimal("measure_value"), rs.getBigDecimal("quota"), rs.getBigDecimal("attainment"),
						rs.getInt("tier"), rs.getBigDecimal("rate"), rs.getBigDecimal("table_amount"),
						rs.getBigDecimal("multiplied"), rs.getBigDecimal("bonus"), rs.getBigDecimal("proration"),
						rs.getBigDecimal("capped"), rs.getString("held"), money(rs.getBigDecimal("paid_before")),
						money(rs.getBigDecimal("difference")), Amounts.money(rs.getBigDecimal("amount")), records,
						disputed.get(rs.getLong("id")), cited.get(rs.getLong("id")));
			})
			.list();
		return new StatementView(summary, lines);
	}

	/**
	 * The drill-down of a line: the metrics API listing the records (orders, visits...) behind its measure value,
	 * the person's or, for a team measure, the unit's, of the line's product line when it has one.
	 */
	static String records(Metric metric, String forPeriod, MeasuredOn on, StatementSummary summary,
			@Nullable Long productLine) {
		return "/api/v1/metrics/" + metric.code() + "/records?period=" + forPeriod
				+ (on == MeasuredOn.TEAM ? "&unit=" + summary.unitId() : "&person=" + summary.staffId())
				+ (productLine == null ? "" : "&line=" + productLine);
	}

	private String statementWhere(CurrentUser actor, Map<String, Object> params) {
		if (PayoutRuns.readsRuns(actor)) {
			return " WHERE 1 = 1";
		}
		DataScope scope = scopes.of(actor);
		return " WHERE r.state = 'APPROVED' AND " + scope.sql("s.unit_id", "s.staff_id", params);
	}

	private List<StatementSummary> summaries(List<Map<String, Object>> rows) {
		Map<Long, String> names = org.staffNames(rows.stream().map(r -> number(r.get("staff_id")).longValue())
			.collect(java.util.stream.Collectors.toSet()));
		return rows.stream().map(r -> {
			long staff = number(r.get("staff_id")).longValue();
			return new StatementSummary(number(r.get("run_id")).longValue(), (String) r.get("period_code"),
					RunState.valueOf((String) r.get("run_state")), (String) r.get("plan_code"),
					r.get("plan_name") == null ? (String) r.get("plan_code") : (String) r.get("plan_name"), staff,
					names.getOrDefault(staff, "#" + staff), number(r.get("unit_id")).longValue(),
					money(r.get("earned")), money(r.get("plan_capped")), money(r.get("adjustments")),
					money(r.get("clawbacks")), DrawKind.valueOf((String) r.get("draw_kind")), money(r.get("draw")),
					money(r.get("owed_before")), money(r.get("owed_after")), money(r.get("payable")));
		}).toList();
	}

	private static Number number(@Nullable Object value) {
		return (Number) java.util.Objects.requireNonNull(value);
	}

	private static BigDecimal money(@Nullable Object value) {
		return value == null ? Amounts.money(BigDecimal.ZERO) : Amounts.money(new BigDecimal(value.toString()));
	}
}
