package io.rumbo.territories;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.organization.DataScope;
import io.rumbo.organization.DataScopes;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.shared.time.FiscalPeriod;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.PageResponse;
import io.rumbo.territories.domain.Alignment;

/**
 * What a model does: the preview of a model (every account from whom to whom, with what moves), from the same
 * statement the activation writes ({@link Alignment}). A preview reads one page of rows and its summary with a
 * grouped query, both over that statement with the reader's scope and the filter in SQL, so what it holds follows
 * the page, not the accounts (decision 0044); an export reads the rows through a cursor a batch at a time. How even
 * the model is lives in {@link TerritoryBalances}, the reader's territories and account periods in
 * {@link AccountTerritories}, call norms in {@link CallNorms} and frozen accounts in {@link FrozenAccounts}.
 */
@Service
public class TerritoryAnalysis {

	/** The sort keys of a preview; owners sort by name (see {@link #orderBy}). */
	public static final Map<String, String> SORTS = Map.of("legalName", "LOWER(x.legal_name)", "potential",
			"x.potential", "workloadHours", "x.workload_cents", "lastYearNet", "x.last_year_net", "lastYearMargin",
			"x.last_year_margin", "fromOwner", "x.from_owner", "toOwner", "x.to_owner");

	/**
	 * What narrows a preview: the date (today, or a scheduled model's date, by default), the accounts that move only,
	 * and a text in the account's, an owner's or a territory's name.
	 */
	public record Filter(@Nullable LocalDate on, boolean movesOnly, @Nullable String q) {
	}

	/**
	 * A model's preview: one page of the rows in the reader's scope that the filter keeps, and the summary of the rows
	 * in scope ({@code movesOnly} applies, the text does not).
	 */
	@io.swagger.v3.oas.annotations.media.Schema(name = "TerritoriesPreviewResult")
	public record Preview(ModelView model, PageResponse<AccountMove> accounts, Realignment.Summary summary,
			LocalDate lastYearFrom, LocalDate lastYearTo) {
	}

	private final TerritoryModels models;
	private final Realignment realignment;
	private final Alignment alignment;
	private final DataScopes scopes;
	private final OrgDirectory org;
	private final JdbcClient jdbc;
	private final Clock clock;

	TerritoryAnalysis(TerritoryModels models, Realignment realignment, Alignment alignment, DataScopes scopes,
			OrgDirectory org, JdbcClient jdbc, Clock clock) {
		this.models = models;
		this.realignment = realignment;
		this.alignment = alignment;
		this.scopes = scopes;
		this.org = org;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * One page of where the model puts the accounts the reader sees (from or to a unit they manage; everything for
	 * directors, admins and viewers), from the same statement activation writes, with the summary.
	 */
	@Transactional
	public Preview preview(CurrentUser user, long modelId, Filter filter, ListQuery query) {
		ModelView model = models.get(user, modelId);
		FiscalPeriod year = realignment.prepare(date(model, filter.on()));
		Alignment.Selection summed = selection(user, modelId, new Filter(filter.on(), filter.movesOnly(), null));
		Alignment.Selection shown = selection(user, modelId, filter);
		Realignment.Summary summary = Realignment.Summary.of(alignment.totals(summed));
		long total = filter.q() == null || filter.q().isBlank() ? summary.accounts() : alignment.totals(shown).accounts();
		List<AccountMove> rows = realignment.describe(alignment.page(shown, orderBy(modelId, query), query.offset(),
				query.size()));
		return new Preview(model, PageResponse.of(rows, query, total), summary, year.start(), year.lastDay());
	}

	/** Checks that the reader sees the model before an export's response starts (404 otherwise). */
	@Transactional(readOnly = true)
	public void check(CurrentUser user, long modelId) {
		models.get(user, modelId);
	}

	/** Every row of the preview the filter keeps, in the order asked, named and handed on a batch at a time. */
	@Transactional
	public void each(CurrentUser user, long modelId, Filter filter, ListQuery query, Consumer<AccountMove> sink) {
		ModelView model = models.get(user, modelId);
		realignment.prepare(date(model, filter.on()));
		alignment.each(selection(user, modelId, filter), orderBy(modelId, query), realignment::describe, sink);
	}

	/** A scheduled model is previewed as of its date unless another date is asked for (decision 0041). */
	private LocalDate date(ModelView model, @Nullable LocalDate on) {
		return on != null ? on
				: model.status() == ModelStatus.SCHEDULED && model.scheduledFor() != null ? model.scheduledFor()
						: LocalDate.now(clock);
	}

	private Alignment.Selection selection(CurrentUser user, long modelId, Filter filter) {
		Map<String, Object> params = new HashMap<>();
		String scope = previewScope(user, params);
		StringBuilder where = new StringBuilder("TRUE");
		if (filter.movesOnly()) {
			where.append(" AND x.moves = 1");
		}
		if (filter.q() != null && !filter.q().isBlank()) {
			String needle = filter.q().trim().toLowerCase(Locale.ROOT);
			where.append(" AND ").append("""
					(LOWER(x.legal_name) LIKE :q OR x.from_owner IN (:qstaff) OR x.to_owner IN (:qstaff)
					OR x.from_territory IN (SELECT qt.id FROM territories_territory qt WHERE LOWER(qt.name) LIKE :q)
					OR x.to_territory IN (SELECT qt.id FROM territories_territory qt WHERE LOWER(qt.name) LIKE :q))""");
			params.put("q", "%" + needle + "%");
			List<Long> matching = new ArrayList<>();
			staffNames(modelId).forEach((id, name) -> {
				if (name.toLowerCase(Locale.ROOT).contains(needle)) {
					matching.add(id);
				}
			});
			params.put("qstaff", matching.isEmpty() ? List.of(-1L) : matching);
		}
		return new Alignment.Selection(modelId, scope, where.toString(), params);
	}

	/**
	 * The ORDER BY of a query, ending in the customer id. Owners sort by their name, which lives in the organization
	 * module: the names of the people a preview can show (the copy's owners and the model's assignees, bounded by the
	 * sales force, not by the accounts) are sorted here and the statement orders by each one's rank; nobody sorts
	 * first, as an empty name.
	 */
	private String orderBy(long modelId, ListQuery query) {
		StringBuilder sql = new StringBuilder();
		Map<Long, Integer> ranks = null;
		for (ListQuery.Order o : query.orders()) {
			String column = o.column();
			if (column.equals("x.from_owner") || column.equals("x.to_owner")) {
				if (ranks == null) {
					ranks = ranks(modelId);
				}
				column = rankOf(column, ranks);
			}
			sql.append(column).append(o.descending() ? " DESC" : " ASC").append(", ");
		}
		return sql.append("x.customer_id").toString();
	}

	private static Map<Long, Integer> ranks(Map<Long, String> names) {
		List<Map.Entry<Long, String>> sorted = new ArrayList<>(names.entrySet());
		sorted.sort(Map.Entry.comparingByValue(Comparator.naturalOrder()));
		Map<Long, Integer> ranks = new HashMap<>();
		int rank = 0;
		String previous = null;
		for (Map.Entry<Long, String> e : sorted) {
			if (!e.getValue().equals(previous)) {
				rank++;
				previous = e.getValue();
			}
			ranks.put(e.getKey(), rank);
		}
		return ranks;
	}

	private Map<Long, Integer> ranks(long modelId) {
		return ranks(staffNames(modelId));
	}

	/** A CASE giving each owner id its rank (ids are numbers from the database, written as literals). */
	private static String rankOf(String column, Map<Long, Integer> ranks) {
		if (ranks.isEmpty()) {
			return "0";
		}
		StringBuilder sql = new StringBuilder("CASE ").append(column);
		ranks.forEach((id, rank) -> sql.append(" WHEN ").append(id.longValue()).append(" THEN ").append(rank));
		return sql.append(" ELSE 0 END").toString();
	}

	/** The names of everyone a preview of the model can show as an owner: the copy's owners and the assignees. */
	private Map<Long, String> staffNames(long modelId) {
		List<Long> ids = jdbc.sql("""
				SELECT DISTINCT owner_staff_id FROM territories_account WHERE owner_staff_id IS NOT NULL
				UNION SELECT assignee_staff_id FROM territories_territory
				WHERE model_id = :m AND assignee_staff_id IS NOT NULL""")
			.param("m", modelId)
			.query(Long.class)
			.list();
		return org.staffNames(ids);
	}

	/**
	 * The preview rows the reader sees, as an SQL condition: every row for directors, admins and viewers; for a
	 * manager the accounts coming from or going to a unit they manage (subtree expanded).
	 */
	private String previewScope(CurrentUser user, Map<String, Object> params) {
		if (user.hasAny(Role.ADMIN, Role.DIRECTOR, Role.VIEWER)) {
			return "TRUE";
		}
		if (!user.has(Role.MANAGER)) {
			return "1 = 0";
		}
		return scopes.of(user).sql(new DataScope.Columns(List.of(Alignment.FROM_UNIT, Alignment.TO_UNIT), List.of(),
				List.of()), params);
	}
}
