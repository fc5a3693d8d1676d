package io.rumbo.sizing;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.identity.CurrentUser;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.organization.DataScopes;
import io.rumbo.planning.FiscalCalendar;
import io.rumbo.shared.domain.AccessRefusedException;
import io.rumbo.shared.money.Amounts;
import io.rumbo.shared.time.FiscalYears;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.PageResponse;

/**
 * The stored budget or actual cost figures of a fiscal year, one row per unit, month and cost type, in the shape the
 * {@code budgets} and {@code actual-costs} imports read: what is exported imports back unchanged. Commissions that
 * approved payout runs paid are not stored figures and are not part of it (the report adds them).
 */
@Service
public class CostRecords {

	public static final Map<String, String> SORTS = Map.of("unit", "c.unit_id", "month", "c.fiscal_month", "type",
			"c.cost_type", "amount", "c.amount");

	@Schema(name = "SizingCostRecord")
	public record CostRecord(String unitCode, String fiscalMonth, CostType costType, BigDecimal amount) {
	}

	private final JdbcClient jdbc;
	private final DataScopes scopes;
	private final OrgDirectory org;
	private final FiscalCalendar calendar;

	CostRecords(JdbcClient jdbc, DataScopes scopes, OrgDirectory org, FiscalCalendar calendar) {
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.org = org;
		this.calendar = calendar;
	}

	@Transactional(readOnly = true)
	public PageResponse<CostRecord> list(CurrentUser actor, CostKind kind, int fiscalYear, ListQuery query) {
		Map<String, Object> params = new HashMap<>();
		String where = where(actor, kind, fiscalYear, params);
		long total = jdbc.sql("SELECT COUNT(*) FROM sizing_cost c" + where).params(params).query(Long.class).single();
		return PageResponse.of(rows(where, params, query), query, total);
	}

	@Transactional(readOnly = true)
	public void each(CurrentUser actor, CostKind kind, int fiscalYear, ListQuery query, Consumer<CostRecord> sink) {
		Map<String, Object> params = new HashMap<>();
		rows(where(actor, kind, fiscalYear, params), params, query).forEach(sink);
	}

	private String where(CurrentUser actor, CostKind kind, int fiscalYear, Map<String, Object> params) {
		if (!Budgets.mayRead(actor)) {
			throw new AccessRefusedException("budgets");
		}
		params.put("kind", kind.name());
		params.put("year", fiscalYear);
		return " WHERE c.kind = :kind AND c.fiscal_year = :year AND " + scopes.of(actor).sql("c.unit_id", null, params);
	}

	private List<CostRecord> rows(String where, Map<String, Object> params, ListQuery query) {
		record Row(long unit, int year, int month, String type, BigDecimal amount) {
		}
		List<Row> rows = jdbc.sql("SELECT c.unit_id, c.fiscal_year, c.fiscal_month, c.cost_type, c.amount"
				+ " FROM sizing_cost c" + where + query.orderBy("c.unit_id, c.fiscal_month, c.cost_type") + query.limit())
			.params(params)
			.query((rs, n) -> new Row(rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getString(4), rs.getBigDecimal(5)))
			.list();
		Map<Long, String> codes = org.unitCodes(rows.stream().map(Row::unit).distinct().toList());
		FiscalYears years = calendar.years();
		return rows.stream()
			.map(r -> new CostRecord(codes.getOrDefault(r.unit(), "#" + r.unit()), years.code(years.month(r.year(),
					r.month())), CostType.valueOf(r.type()), Amounts.money(r.amount())))
			.toList();
	}
}
