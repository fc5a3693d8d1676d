package io.rumbo.sales;

import java.math.BigDecimal;
import java.time.Clock;
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
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.customers.CustomerDirectory;
import io.rumbo.identity.CurrentUser;
import io.rumbo.organization.DataScope;
import io.rumbo.organization.DataScopes;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.shared.domain.NotFoundException;
import io.rumbo.shared.money.Amounts;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.PageResponse;

/**
 * Reading the pipeline: lists and pages of opportunities in the reader's scope, one opportunity with its stage
 * history, the board's columns and the totals weighted by each stage's probability. A salesperson reads their own
 * opportunities, a manager those of their subtree.
 */
@Service
public class OpportunityQueries {

	public static final Map<String, String> SORTS = Map.of("expectedClose", "o.expected_close", "amount", "o.amount",
			"title", "o.title");

	/** Closed deals stay on the board for a quarter, then only in the list and the API. */
	static final int CLOSED_ON_BOARD_DAYS = 90;

	public record Filter(@Nullable Long ownerStaffId, @Nullable Long customerId, @Nullable String stageCode,
			boolean openOnly, @Nullable String q) {

		public Filter(@Nullable Long ownerStaffId, @Nullable Long customerId, @Nullable String stageCode,
				boolean openOnly) {
			this(ownerStaffId, customerId, stageCode, openOnly, null);
		}
	}

	/** Totals of a board: the open amount and the amount weighted by each stage's probability. */
	public record PipelineTotals(long open, BigDecimal amount, BigDecimal weighted) {
	}

	/** The board: a column of cards per stage (in stage order), each column's amount, and the totals. */
	public record Board(List<Stage> stages, Map<String, List<OpportunityView>> columns,
			Map<String, BigDecimal> columnAmounts, PipelineTotals totals) {
	}

	private final PipelineStages stages;
	private final CustomerDirectory customers;
	private final OrgDirectory org;
	private final DataScopes scopes;
	private final JdbcClient jdbc;
	private final Clock clock;
	private final io.rumbo.shared.export.ExportCursor cursor;

	OpportunityQueries(PipelineStages stages, CustomerDirectory customers, OrgDirectory org, DataScopes scopes,
			JdbcClient jdbc, Clock clock, io.rumbo.shared.export.ExportCursor cursor) {
		this.cursor = cursor;
		this.stages = stages;
		this.customers = customers;
		this.org = org;
		this.scopes = scopes;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Every opportunity of the filter in the reader's scope, with names, in three queries. */
	@Transactional(readOnly = true)
	public List<OpportunityView> list(CurrentUser actor, Filter filter) {
		Map<String, Object> params = new HashMap<>();
		String where = where(scopes.of(actor), filter, params);
		Map<String, Stage> byCode = stages.byCode();
		List<OpportunityView> raw = jdbc.sql("SELECT * FROM sales_opportunity o" + where
				+ " ORDER BY o.expected_close, o.id")
			.params(params)
			.query((rs, n) -> view(rs, byCode, List.of()))
			.list();
		return named(raw);
	}

	/** Every opportunity of the filter, one query with a fetch size, named a thousand at a time (for exports). */
	@Transactional(readOnly = true)
	public void each(CurrentUser actor, Filter filter, ListQuery query,
			java.util.function.Consumer<OpportunityView> sink) {
		Map<String, Object> params = new HashMap<>();
		String where = where(scopes.of(actor), filter, params);
		Map<String, Stage> byCode = stages.byCode();
		cursor.each("SELECT * FROM sales_opportunity o" + where + query.orderBy("o.id"), params,
				(rs, n) -> view(rs, byCode, List.of()), this::named, sink);
	}

	/** One page of the filter, for the API and the list view. */
	@Transactional(readOnly = true)
	public PageResponse<OpportunityView> page(CurrentUser actor, Filter filter, ListQuery query) {
		Map<String, Object> params = new HashMap<>();
		String where = where(scopes.of(actor), filter, params);
		long total = jdbc.sql("SELECT COUNT(*) FROM sales_opportunity o" + where).params(params).query(Long.class).single();
		Map<String, Stage> byCode = stages.byCode();
		List<OpportunityView> raw = jdbc.sql("SELECT * FROM sales_opportunity o" + where + query.orderBy("o.id")
				+ query.limit())
			.params(params)
			.query((rs, n) -> view(rs, byCode, List.of()))
			.list();
		return PageResponse.of(named(raw), query, total);
	}

	@Transactional(readOnly = true)
	public PipelineTotals totals(List<OpportunityView> list) {
		return totals(list, stages.byCode());
	}

	/** The board of a person (or of everyone in scope): open deals, and the deals closed in the last quarter. */
	@Transactional(readOnly = true)
	public Board board(CurrentUser actor, @Nullable Long ownerStaffId) {
		Map<String, Stage> byCode = stages.byCode();
		List<OpportunityView> all = list(actor, new Filter(ownerStaffId, null, null, false));
		Map<String, List<OpportunityView>> columns = new LinkedHashMap<>();
		byCode.keySet().forEach(code -> columns.put(code, new ArrayList<>()));
		LocalDate closedSince = LocalDate.now(clock).minusDays(CLOSED_ON_BOARD_DAYS);
		for (OpportunityView o : all) {
			if (byCode.get(o.stageCode()).open() || !o.expectedClose().isBefore(closedSince)) {
				columns.get(o.stageCode()).add(o);
			}
		}
		Map<String, BigDecimal> columnAmounts = new LinkedHashMap<>();
		columns.forEach((code, cards) -> columnAmounts.put(code,
				cards.stream().map(OpportunityView::amount).reduce(BigDecimal.ZERO, BigDecimal::add)));
		return new Board(List.copyOf(byCode.values()), columns, columnAmounts, totals(all, byCode));
	}

	@Transactional(readOnly = true)
	public OpportunityView get(CurrentUser actor, long id) {
		Map<String, Object> params = new HashMap<>();
		String where = where(scopes.of(actor), new Filter(null, null, null, false), params) + " AND o.id = :id";
		params.put("id", id);
		Map<String, Stage> byCode = stages.byCode();
		List<OpportunityView.StageChange> history = jdbc.sql("""
				SELECT stage_code, changed_on, changed_by FROM sales_opportunity_stage_change
				WHERE opportunity_id = :id ORDER BY changed_on DESC, id DESC""")
			.param("id", id)
			.query((rs, n) -> new OpportunityView.StageChange(rs.getString(1), rs.getObject(2, LocalDate.class),
					rs.getString(3)))
			.list();
		List<OpportunityView> found = jdbc.sql("SELECT * FROM sales_opportunity o" + where)
			.params(params)
			.query((rs, n) -> view(rs, byCode, history))
			.list();
		if (found.isEmpty()) {
			throw new NotFoundException("opportunity", id);
		}
		return named(found).get(0);
	}

	private static PipelineTotals totals(List<OpportunityView> list, Map<String, Stage> byCode) {
		long open = 0;
		BigDecimal amount = Amounts.money(BigDecimal.ZERO);
		BigDecimal weighted = Amounts.money(BigDecimal.ZERO);
		for (OpportunityView o : list) {
			if (byCode.get(o.stageCode()).open()) {
				open++;
				amount = amount.add(Amounts.money(o.amount()));
				weighted = weighted.add(o.weighted());
			}
		}
		return new PipelineTotals(open, amount, weighted);
	}

	private static String where(DataScope scope, Filter filter, Map<String, Object> params) {
		StringBuilder where = new StringBuilder(" WHERE ")
			.append(scope.sql("o.owner_unit_id", "o.owner_staff_id", params));
		if (filter.ownerStaffId() != null) {
			where.append(" AND o.owner_staff_id = :owner");
			params.put("owner", filter.ownerStaffId());
		}
		if (filter.customerId() != null) {
			where.append(" AND o.customer_id = :customer");
			params.put("customer", filter.customerId());
		}
		if (filter.q() != null && !filter.q().isBlank()) {
			where.append(" AND (LOWER(o.title) LIKE :q OR LOWER(o.source) LIKE :q)");
			params.put("q", io.rumbo.shared.sql.Like.containing(filter.q()));
		}
		if (filter.stageCode() != null && !filter.stageCode().isBlank()) {
			where.append(" AND o.stage_code = :stage");
			params.put("stage", filter.stageCode());
		}
		if (filter.openOnly()) {
			where.append(" AND o.stage_code IN (SELECT code FROM sales_stage WHERE outcome = 'OPEN')");
		}
		return where.toString();
	}

	private static OpportunityView view(java.sql.ResultSet rs, Map<String, Stage> stages,
			List<OpportunityView.StageChange> history) throws java.sql.SQLException {
		String stage = rs.getString("stage_code");
		int probability = stages.get(stage).probability();
		BigDecimal amount = rs.getBigDecimal("amount");
		return new OpportunityView(rs.getLong("id"), rs.getLong("version"), rs.getLong("customer_id"), null,
				rs.getString("title"), amount,
				Amounts.money(amount.multiply(BigDecimal.valueOf(probability)).divide(Amounts.HUNDRED)),
				rs.getObject("expected_close", LocalDate.class), stage, probability,
				ForecastCategory.valueOf(rs.getString("forecast_category")), rs.getLong("owner_staff_id"), null,
				rs.getLong("owner_unit_id"), rs.getString("source"), rs.getString("loss_reason"),
				(Long) rs.getObject("order_id", Long.class), history);
	}

	private List<OpportunityView> named(List<OpportunityView> raw) {
		Set<Long> owners = new HashSet<>();
		Set<Long> accounts = new HashSet<>();
		raw.forEach(o -> {
			owners.add(o.ownerStaffId());
			accounts.add(o.customerId());
		});
		Map<Long, String> ownerNames = org.staffNames(owners);
		Map<Long, String> customerNames = customers.names(accounts);
		return raw.stream()
			.map(o -> new OpportunityView(o.id(), o.version(), o.customerId(), customerNames.get(o.customerId()), o.title(),
					o.amount(), o.weighted(), o.expectedClose(), o.stageCode(), o.probability(), o.forecastCategory(),
					o.ownerStaffId(), ownerNames.get(o.ownerStaffId()), o.ownerUnitId(), o.source(), o.lossReason(),
					o.orderId(), o.history()))
			.toList();
	}
}
