package io.rumbo.sales;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
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
import io.rumbo.sales.domain.PipelineFigures;
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

	/**
	 * Cards a column shows when the board opens: about what a column shows on a 1440 px screen before it scrolls. The
	 * rest come with the column's "more" button, {@link #BOARD_PAGE} at a time.
	 */
	public static final int BOARD_FIRST = 10;

	/** Cards each "more" of a column brings. */
	public static final int BOARD_PAGE = 20;

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

	/**
	 * The board: per stage (in stage order) the first cards of its column, the column's count and amount, and the
	 * totals of the open stages.
	 */
	public record Board(List<Stage> stages, Map<String, List<OpportunityView>> columns,
			Map<String, BigDecimal> columnAmounts, Map<String, Long> columnCounts, PipelineTotals totals) {

		/** Whether the column holds more cards than it shows. */
		public boolean hasMore(String stageCode) {
			return columnCounts.getOrDefault(stageCode, 0L) > columns.getOrDefault(stageCode, List.of()).size();
		}
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

	/**
	 * The open pipeline of a person or a customer (or of everything in scope): from the kept figures, or summed in
	 * SQL over the customer's deals.
	 */
	@Transactional(readOnly = true)
	public PipelineTotals totals(CurrentUser actor, @Nullable Long ownerStaffId, @Nullable Long customerId) {
		Map<String, Stage> byCode = stages.byCode();
		if (customerId == null) {
			return openTotals(byCode, figures(actor, ownerStaffId, PipelineFigures.OPEN));
		}
		Map<String, Object> params = new HashMap<>();
		String where = where(scopes.of(actor), new Filter(ownerStaffId, customerId, null, true), params);
		Map<String, ColumnSum> sums = new LinkedHashMap<>();
		jdbc.sql("SELECT o.stage_code, COUNT(*), SUM(o.amount) FROM sales_opportunity o" + where
				+ " GROUP BY o.stage_code")
			.params(params)
			.query(rs -> {
				sums.put(rs.getString(1), new ColumnSum(rs.getLong(2), rs.getBigDecimal(3)));
			});
		return openTotals(byCode, sums);
	}

	/**
	 * The board of a person (or of everyone in scope): per stage, the first {@link #BOARD_FIRST} cards, and the count
	 * and amount of the whole column; open deals, and the deals closed in the last quarter. A few statements whatever
	 * the size of the pipeline: one grouped sum of the kept figures ({@code sales_pipeline_figure}, a few rows per
	 * person and stage), one page of cards per stage, two for names.
	 */
	@Transactional(readOnly = true)
	public Board board(CurrentUser actor, @Nullable Long ownerStaffId) {
		Map<String, Stage> byCode = stages.byCode();
		Map<String, Object> params = new HashMap<>();
		String where = boardWhere(actor, ownerStaffId, params);
		Map<String, ColumnSum> sums = figures(actor, ownerStaffId, closedSince());
		List<Stage> shown = byCode.values().stream().filter(stage -> sums.containsKey(stage.code())).toList();
		List<OpportunityView> cards = firstCards(shown, where, params, byCode);
		Map<String, List<OpportunityView>> columns = new LinkedHashMap<>();
		Map<String, BigDecimal> columnAmounts = new LinkedHashMap<>();
		Map<String, Long> columnCounts = new LinkedHashMap<>();
		byCode.keySet().forEach(code -> {
			columns.put(code, new ArrayList<>());
			ColumnSum sum = sums.getOrDefault(code, ColumnSum.NONE);
			columnAmounts.put(code, Amounts.money(sum.amount()));
			columnCounts.put(code, sum.count());
		});
		named(cards).forEach(card -> columns.get(card.stageCode()).add(card));
		return new Board(List.copyOf(byCode.values()), columns, columnAmounts, columnCounts, openTotals(byCode, sums));
	}

	/** The next cards of one column of the board, after the first {@code offset}, for its "more" button. */
	@Transactional(readOnly = true)
	public List<OpportunityView> column(CurrentUser actor, @Nullable Long ownerStaffId, String stageCode, int offset) {
		Map<String, Stage> byCode = stages.byCode();
		Stage stage = stages.of(stageCode);
		Map<String, Object> params = new HashMap<>();
		String where = boardWhere(actor, ownerStaffId, params);
		return named(cards(stage, where, params, byCode, Math.max(0, offset), BOARD_PAGE));
	}

	/**
	 * The kept figures per stage in the reader's scope (of one person, or of everyone in it), from a first close day:
	 * open stages' rows are dated {@link PipelineFigures#OPEN}, closed ones by their close day, so one range keeps
	 * the open rows and the recent closed ones. Reads a few rows per person and stage, whatever the pipeline's size.
	 */
	private Map<String, ColumnSum> figures(CurrentUser actor, @Nullable Long ownerStaffId, LocalDate closedSince) {
		Map<String, Object> params = new HashMap<>();
		String where = scopes.of(actor).sql("f.owner_unit_id", "f.owner_staff_id", params);
		if (ownerStaffId != null) {
			where += " AND f.owner_staff_id = :owner";
			params.put("owner", ownerStaffId);
		}
		Map<String, ColumnSum> sums = new HashMap<>();
		jdbc.sql("SELECT f.stage_code, SUM(f.opportunities), SUM(f.amount) FROM sales_pipeline_figure f WHERE " + where
				+ " AND f.closed_on >= :closedSince GROUP BY f.stage_code")
			.params(params)
			.param("closedSince", closedSince)
			.query(rs -> {
				sums.put(rs.getString(1), new ColumnSum(rs.getLong(2), rs.getBigDecimal(3)));
			});
		return sums;
	}

	/** The amounts of a column: its count and its sum. */
	private record ColumnSum(long count, BigDecimal amount) {

		static final ColumnSum NONE = new ColumnSum(0, BigDecimal.ZERO);
	}

	/**
	 * One page of a column: open deals by expected close (the nearest first), closed deals of the last quarter by
	 * close date (the latest first), both served by the stage index.
	 */
	private List<OpportunityView> cards(Stage stage, String where, Map<String, Object> params,
			Map<String, Stage> byCode, int offset, int limit) {
		var statement = jdbc.sql(columnPage(stage, where, "cardStage") + " OFFSET :cardOffset")
			.params(params)
			.param("cardStage", stage.code())
			.param("cardLimit", limit)
			.param("cardOffset", offset);
		if (!stage.open()) {
			statement = statement.param("closedSince", closedSince());
		}
		return statement.query((rs, n) -> view(rs, byCode, List.of())).list();
	}

	/**
	 * The first {@link #BOARD_FIRST} cards of every shown column in one statement (one page per column, joined by
	 * {@code UNION ALL}, each served by the stage index): one round trip instead of one per column. A union keeps no
	 * order, so each column is put back in its own.
	 */
	private List<OpportunityView> firstCards(List<Stage> shown, String where, Map<String, Object> params,
			Map<String, Stage> byCode) {
		if (shown.isEmpty()) {
			return List.of();
		}
		Map<String, Object> all = new HashMap<>(params);
		StringBuilder sql = new StringBuilder();
		for (int i = 0; i < shown.size(); i++) {
			sql.append(i == 0 ? "(" : " UNION ALL (").append(columnPage(shown.get(i), where, "cardStage" + i))
				.append(')');
			all.put("cardStage" + i, shown.get(i).code());
		}
		all.put("cardLimit", BOARD_FIRST);
		all.put("closedSince", closedSince());
		List<OpportunityView> cards = new ArrayList<>(jdbc.sql(sql.toString())
			.params(all)
			.query((rs, n) -> view(rs, byCode, List.of()))
			.list());
		Comparator<OpportunityView> nearestFirst = Comparator.comparing(OpportunityView::expectedClose)
			.thenComparingLong(OpportunityView::id);
		cards.sort(Comparator.comparingInt((OpportunityView o) -> byCode.get(o.stageCode()).position())
			.thenComparing((a, b) -> byCode.get(a.stageCode()).open() ? nearestFirst.compare(a, b)
					: nearestFirst.compare(b, a)));
		return cards;
	}

	/** The statement of a column's page, without its offset: the stage is the named parameter {@code stageParam}. */
	private static String columnPage(Stage stage, String where, String stageParam) {
		return "SELECT * FROM sales_opportunity o" + where + " AND o.stage_code = :" + stageParam
				+ (stage.open() ? " ORDER BY o.expected_close, o.id"
						: " AND o.expected_close >= :closedSince ORDER BY o.expected_close DESC, o.id DESC")
				+ " LIMIT :cardLimit";
	}

	private String boardWhere(CurrentUser actor, @Nullable Long ownerStaffId, Map<String, Object> params) {
		return where(scopes.of(actor), new Filter(ownerStaffId, null, null, false), params);
	}

	private LocalDate closedSince() {
		return LocalDate.now(clock).minusDays(CLOSED_ON_BOARD_DAYS);
	}

	/** Count, amount and weighted amount of the open stages; each stage's sum is weighted once, then rounded. */
	private static PipelineTotals openTotals(Map<String, Stage> byCode, Map<String, ColumnSum> sums) {
		long open = 0;
		BigDecimal amount = BigDecimal.ZERO;
		BigDecimal weighted = BigDecimal.ZERO;
		for (Stage stage : byCode.values()) {
			ColumnSum sum = sums.get(stage.code());
			if (stage.open() && sum != null) {
				open += sum.count();
				amount = amount.add(sum.amount());
				weighted = weighted.add(sum.amount().multiply(BigDecimal.valueOf(stage.probability())));
			}
		}
		return new PipelineTotals(open, Amounts.money(amount), Amounts.money(weighted.divide(Amounts.HUNDRED)));
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

	static OpportunityView view(java.sql.ResultSet rs, Map<String, Stage> stages,
			List<OpportunityView.StageChange> history) throws java.sql.SQLException {
		String stage = rs.getString("stage_code");
		int probability = stages.get(stage).probability();
		BigDecimal amount = rs.getBigDecimal("amount");
		return new OpportunityView(rs.getLong("id"), rs.getLong("version"), rs.getLong("customer_id"), null,
				rs.getString("title"), amount,
				Amounts.money(amount.multiply(BigDecimal.valueOf(probability)).divide(Amounts.HUNDRED)),
				rs.getObject("expected_close", LocalDate.class), stage, probability,
				ForecastCategory.valueOf(rs.getString("forecast_category")), rs.getLong("owner_staff_id"), null,
				rs.getLong("owner_unit_id"), rs.getString("source"), rs.getString("loss_reason"), rs.getString("next_step"),
				(Long) rs.getObject("order_id", Long.class), history);
	}

	List<OpportunityView> named(List<OpportunityView> raw) {
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
					o.ownerStaffId(), ownerNames.get(o.ownerStaffId()), o.ownerUnitId(), o.source(), o.lossReason(), o.nextStep(),
					o.orderId(), o.history()))
			.toList();
	}
}
