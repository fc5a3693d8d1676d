package io.rumbo.sales;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.rumbo.organization.DataScope;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.sales.ForecastCalls.Call;
import io.rumbo.sales.ForecastCalls.Deal;
import io.rumbo.sales.ForecastCalls.Level;
import io.rumbo.shared.money.Amounts;

/** Reads forecast calls (decision 0025): the one statement every part of the forecast reads them with. */
@Component
class ForecastCallRows {

	private final JdbcClient jdbc;
	private final OrgDirectory org;

	ForecastCallRows(JdbcClient jdbc, OrgDirectory org) {
		this.jdbc = jdbc;
		this.org = org;
	}

	/** Calls matching the condition within the scope, the latest first, with names. */
	List<Call> calls(String condition, Map<String, ?> given, DataScope scope) {
		Map<String, Object> params = new HashMap<>(given);
		String where = scope.sql("c.unit_id", "c.staff_id", params);
		List<Call> raw = jdbc.sql("SELECT * FROM sales_forecast_call c WHERE " + condition + " AND " + where
				+ " ORDER BY c.id DESC")
			.params(params)
			.query((rs, n) -> new Call(rs.getLong("id"), Level.valueOf(rs.getString("level")), rs.getLong("staff_id"),
					null, rs.getLong("unit_id"), null, rs.getString("period_code"),
					rs.getObject("period_start", LocalDate.class), rs.getObject("period_end", LocalDate.class),
					rs.getBigDecimal("commit_amount"), rs.getBigDecimal("most_likely_amount"),
					rs.getBigDecimal("best_case_amount"), rs.getBigDecimal("closed_amount"),
					rs.getBigDecimal("pipeline_amount"), rs.getBigDecimal("weighted_amount"), rs.getString("note"),
					rs.getString("submitted_by"), rs.getTimestamp("submitted_at").toInstant()))
			.list();
		if (raw.isEmpty()) {
			return raw;
		}
		Map<Long, String> staff = org.staffNames(raw.stream().map(Call::staffId).collect(Collectors.toSet()));
		Map<Long, String> units = org.unitNames(raw.stream().map(Call::unitId).collect(Collectors.toSet()));
		return raw.stream()
			.map(c -> new Call(c.id(), c.level(), c.staffId(), staff.get(c.staffId()), c.unitId(), units.get(c.unitId()),
					c.periodCode(), c.periodStart(), c.periodEnd(), Amounts.money(c.commit()),
					Amounts.money(c.mostLikely()), Amounts.money(c.bestCase()), Amounts.money(c.closed()),
					Amounts.money(c.pipeline()), Amounts.money(c.weighted()), c.note(), c.submittedBy(),
					c.submittedAt()))
			.toList();
	}

	/** The deals with their owners' names, read in one statement. */
	List<Deal> named(List<Deal> raw) {
		Map<Long, String> names = org.staffNames(raw.stream().map(Deal::ownerStaffId).collect(Collectors.toSet()));
		return raw.stream()
			.map(d -> new Deal(d.opportunityId(), d.title(), d.ownerStaffId(), names.get(d.ownerStaffId()), d.amount(),
					d.weighted(), d.stageCode(), d.probability(), d.category(), d.outcome(), d.expectedClose()))
			.toList();
	}

	/** A deal's amount weighted by its stage's probability, to the cent. */
	static BigDecimal weighted(BigDecimal amount, int probability) {
		return Amounts.money(amount.multiply(BigDecimal.valueOf(probability)).divide(Amounts.HUNDRED));
	}
}
