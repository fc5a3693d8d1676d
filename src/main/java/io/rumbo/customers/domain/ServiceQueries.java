package io.rumbo.customers.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.rumbo.customers.CaseCategory;
import io.rumbo.customers.CasePriority;
import io.rumbo.customers.SatisfactionView;
import io.rumbo.customers.ServiceCaseView;
import io.rumbo.customers.ServiceSummary;
import io.rumbo.organization.DataScope;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.PageResponse;

/**
 * Set-based reads of service cases and satisfaction ratings. A reader sees the cases and ratings of the accounts
 * they see, and those attributed to them or to their managed units (a salesperson keeps seeing the service results
 * credited to them after an account changes hands).
 */
@Component
public class ServiceQueries {

	public static final Map<String, String> CASE_SORTS = Map.of("openedOn", "s.opened_on", "resolvedOn", "s.resolved_on",
			"priority", "s.priority", "category", "s.category", "caseNumber", "s.case_number", "customer",
			"c.legal_name");

	public static final Map<String, String> RATING_SORTS = Map.of("ratedOn", "s.rated_on", "csat", "s.csat", "nps",
			"s.nps", "customer", "c.legal_name");

	public record CaseFilter(@Nullable String q, @Nullable Long customerId, @Nullable Long staffId,
			@Nullable Set<Long> unitIds, @Nullable Boolean open, @Nullable CasePriority priority,
			@Nullable CaseCategory category, @Nullable LocalDate from, @Nullable LocalDate to) {
	}

	public record RatingFilter(@Nullable Long customerId, @Nullable Long caseId, @Nullable Long staffId,
			@Nullable Set<Long> unitIds, @Nullable LocalDate from, @Nullable LocalDate to) {
	}

	private static final String CASES = " FROM customer_service_case s JOIN customer_account c ON c.id = s.customer_id";

	private static final String RATINGS = " FROM customer_satisfaction s JOIN customer_account c ON c.id = s.customer_id";

	private final JdbcClient jdbc;
	private final OrgDirectory org;
	private final io.rumbo.shared.export.ExportCursor cursor;

	ServiceQueries(JdbcClient jdbc, OrgDirectory org, io.rumbo.shared.export.ExportCursor cursor) {
		this.cursor = cursor;
		this.jdbc = jdbc;
		this.org = org;
	}

	public PageResponse<ServiceCaseView> cases(DataScope scope, CaseFilter filter, ListQuery query) {
		Map<String, Object> params = new HashMap<>();
		String where = caseWhere(scope, filter, params);
		long total = jdbc.sql("SELECT COUNT(*)" + CASES + where).params(params).query(Long.class).single();
		return PageResponse.of(caseRows(where + query.orderBy("s.id") + query.limit(), params), query, total);
	}

	public @Nullable ServiceCaseView serviceCase(DataScope scope, long id) {
		Map<String, Object> params = new HashMap<>();
		String where = caseWhere(scope, new CaseFilter(null, null, null, null, null, null, null, null, null), params)
				+ " AND s.id = :id";
		params.put("id", id);
		List<ServiceCaseView> rows = caseRows(where, params);
		return rows.isEmpty() ? null : rows.get(0);
	}

	/**
	 * The cases the scope sees that carry one of these external ids, by that id, a thousand per query (an import
	 * reads only the cases its file names).
	 */
	public Map<String, ServiceCaseView> casesByExternalIds(DataScope scope, java.util.Collection<String> externalIds) {
		Map<String, ServiceCaseView> found = new HashMap<>();
		List<String> all = new java.util.ArrayList<>(new java.util.LinkedHashSet<>(externalIds));
		for (int i = 0; i < all.size(); i += 1000) {
			Map<String, Object> params = new HashMap<>();
			String where = caseWhere(scope, new CaseFilter(null, null, null, null, null, null, null, null, null), params)
					+ " AND s.external_id IN (:externalIds)";
			params.put("externalIds", all.subList(i, Math.min(all.size(), i + 1000)));
			caseRows(where, params).forEach(c -> found.put(java.util.Objects.requireNonNull(c.externalId()), c));
		}
		return found;
	}

	/** Which of these external ids any case carries, whoever may see it, a thousand per query. */
	public Set<String> caseExternalIdsTaken(java.util.Collection<String> externalIds) {
		Set<String> taken = new HashSet<>();
		List<String> all = new java.util.ArrayList<>(new java.util.LinkedHashSet<>(externalIds));
		for (int i = 0; i < all.size(); i += 1000) {
			taken.addAll(jdbc.sql("SELECT external_id FROM customer_service_case WHERE external_id IN (:ids)")
				.param("ids", all.subList(i, Math.min(all.size(), i + 1000)))
				.query(String.class)
				.list());
		}
		return taken;
	}

	public PageResponse<SatisfactionView> ratings(DataScope scope, RatingFilter filter, ListQuery query) {
		Map<String, Object> params = new HashMap<>();
		String where = ratingWhere(scope, filter, params);
		long total = jdbc.sql("SELECT COUNT(*)" + RATINGS + where).params(params).query(Long.class).single();
		List<SatisfactionView> raw = jdbc
			.sql("SELECT s.*, c.legal_name, sc.case_number" + RATINGS
					+ " LEFT JOIN customer_service_case sc ON sc.id = s.case_id" + where + query.orderBy("s.id")
					+ query.limit())
			.params(params)
			.query((rs, n) -> new SatisfactionView(rs.getLong("id"), rs.getLong("customer_id"), rs.getString("legal_name"),
					(Long) rs.getObject("case_id", Long.class), rs.getString("case_number"),
					(Long) rs.getObject("order_id", Long.class), rs.getString("order_number"),
					rs.getObject("rated_on", LocalDate.class), rs.getInt("csat"), (Integer) rs.getObject("nps", Integer.class),
					rs.getString("comment"), (Long) rs.getObject("staff_id", Long.class), null))
			.list();
		Set<Long> staff = new HashSet<>();
		raw.forEach(r -> {
			if (r.staffId() != null) {
				staff.add(r.staffId());
			}
		});
		Map<Long, String> names = org.staffNames(staff);
		return PageResponse.of(raw.stream()
			.map(r -> new SatisfactionView(r.id(), r.customerId(), r.customerName(), r.caseId(), r.caseNumber(),
					r.orderId(), r.orderNumber(), r.ratedOn(), r.csat(), r.nps(), r.comment(), r.staffId(),
					r.staffId() == null ? null : names.get(r.staffId())))
			.toList(), query, total);
	}

	/** Case and rating figures over everything the filters select, in two aggregate statements. */
	public ServiceSummary summary(DataScope scope, CaseFilter cases, RatingFilter ratings) {
		Map<String, Object> params = new HashMap<>();
		String where = caseWhere(scope, cases, params);
		record CaseFigures(long cases, long open, @Nullable BigDecimal days) {
		}
		CaseFigures c = jdbc.sql("""
				SELECT COUNT(*), SUM(CASE WHEN s.resolved_on IS NULL THEN 1 ELSE 0 END),
				       AVG(s.resolution_days * 1.0)""" + CASES
				+ where)
			.params(params)
			.query((rs, n) -> new CaseFigures(rs.getLong(1), rs.getLong(2), rs.getBigDecimal(3)))
			.single();
		Map<String, Object> ratingParams = new HashMap<>();
		String ratingWhere = ratingWhere(scope, ratings, ratingParams);
		record RatingFigures(long ratings, @Nullable BigDecimal csat, long npsAnswers, long promoters, long detractors) {
		}
		RatingFigures r = jdbc.sql("""
				SELECT COUNT(*), AVG(s.csat * 1.0), COUNT(s.nps), SUM(CASE WHEN s.nps >= 9 THEN 1 ELSE 0 END),
				       SUM(CASE WHEN s.nps <= 6 THEN 1 ELSE 0 END)""" + RATINGS + ratingWhere)
			.params(ratingParams)
			.query((rs, n) -> new RatingFigures(rs.getLong(1), rs.getBigDecimal(2), rs.getLong(3), rs.getLong(4),
					rs.getLong(5)))
			.single();
		Integer nps = r.npsAnswers() == 0 ? null
				: BigDecimal.valueOf(100 * (r.promoters() - r.detractors()))
					.divide(BigDecimal.valueOf(r.npsAnswers()), 0, RoundingMode.HALF_UP)
					.intValue();
		return new ServiceSummary(c.cases(), c.open(), oneDecimal(c.days()), r.ratings(), oneDecimal(r.csat()),
				r.npsAnswers(), nps);
	}

	private static @Nullable BigDecimal oneDecimal(@Nullable BigDecimal value) {
		return value == null ? null : value.setScale(1, RoundingMode.HALF_UP);
	}

	private static final String CASE_SELECT = """
			SELECT s.*, c.legal_name,
			       (SELECT MAX(r.csat) FROM customer_satisfaction r WHERE r.case_id = s.id) AS case_csat,
			       (SELECT MAX(r.nps) FROM customer_satisfaction r WHERE r.case_id = s.id) AS case_nps""";

	/** Every case the filter selects, one query with a fetch size, named a thousand at a time (for exports). */
	public void eachCase(DataScope scope, CaseFilter filter, ListQuery query, Consumer<ServiceCaseView> sink) {
		Map<String, Object> params = new HashMap<>();
		String where = caseWhere(scope, filter, params);
		cursor.each(CASE_SELECT + CASES + where + query.orderBy("s.id"), params, ServiceQueries::caseRow,
				this::namedCases, sink);
	}

	/** A case as the service-case import reads it: the customer by external id, the order by its number. */
	public record ExportedCase(@Nullable String externalId, @Nullable String customer, @Nullable String order,
			String subject, CaseCategory category, CasePriority priority, LocalDate openedOn,
			@Nullable LocalDate resolvedOn, @Nullable String resolution) {
	}

	/** Every case the filter selects, in the import's terms, streamed (for the API export). */
	public void eachCaseForImport(DataScope scope, CaseFilter filter, ListQuery query, Consumer<ExportedCase> sink) {
		Map<String, Object> params = new HashMap<>();
		String where = caseWhere(scope, filter, params);
		cursor.each("SELECT s.*, c.external_id AS customer_external_id" + CASES + where + query.orderBy("s.id"), params,
				(rs, n) -> new ExportedCase(rs.getString("external_id"), rs.getString("customer_external_id"),
						rs.getString("order_number"), rs.getString("subject"),
						CaseCategory.valueOf(rs.getString("category")), CasePriority.valueOf(rs.getString("priority")),
						rs.getObject("opened_on", LocalDate.class), rs.getObject("resolved_on", LocalDate.class),
						rs.getString("resolution")),
				sink);
	}

	private List<ServiceCaseView> caseRows(String whereOrderLimit, Map<String, Object> params) {
		return namedCases(jdbc.sql(CASE_SELECT + CASES + whereOrderLimit)
			.params(params)
			.query(ServiceQueries::caseRow)
			.list());
	}

	private List<ServiceCaseView> namedCases(List<ServiceCaseView> raw) {
		Set<Long> staff = new HashSet<>();
		raw.forEach(r -> {
			if (r.staffId() != null) {
				staff.add(r.staffId());
			}
		});
		Map<Long, String> names = org.staffNames(staff);
		return raw.stream()
			.map(r -> new ServiceCaseView(r.id(), r.version(), r.caseNumber(), r.externalId(), r.customerId(),
					r.customerName(), r.orderId(), r.orderNumber(), r.subject(), r.category(), r.priority(), r.openedOn(),
					r.resolvedOn(), r.resolution(), r.staffId(), r.staffId() == null ? null : names.get(r.staffId()),
					r.unitId(), r.csat(), r.nps()))
			.toList();
	}

	private static ServiceCaseView caseRow(ResultSet rs, int n) throws SQLException {
		return new ServiceCaseView(rs.getLong("id"), rs.getLong("version"), rs.getString("case_number"),
				rs.getString("external_id"), rs.getLong("customer_id"), rs.getString("legal_name"),
				(Long) rs.getObject("order_id", Long.class), rs.getString("order_number"), rs.getString("subject"),
				CaseCategory.valueOf(rs.getString("category")), CasePriority.valueOf(rs.getString("priority")),
				rs.getObject("opened_on", LocalDate.class), rs.getObject("resolved_on", LocalDate.class),
				rs.getString("resolution"), (Long) rs.getObject("staff_id", Long.class), null, rs.getLong("unit_id"),
				(Integer) rs.getObject("case_csat", Integer.class), (Integer) rs.getObject("case_nps", Integer.class));
	}

	/** The account's unit and owner today, and the unit and person the case or rating was attributed to. */
	private static final DataScope.Columns SCOPE = new DataScope.Columns(List.of("c.unit_id", "s.unit_id"),
			List.of("c.owner_staff_id", "s.staff_id"), List.of());

	private static void scope(DataScope scope, StringBuilder where, Map<String, Object> params) {
		where.append(" AND ").append(scope.sql(SCOPE, params));
	}

	private static String caseWhere(DataScope scope, CaseFilter filter, Map<String, Object> params) {
		StringBuilder where = new StringBuilder(" WHERE 1 = 1");
		scope(scope, where, params);
		if (filter.q() != null && !filter.q().isBlank()) {
			where.append(" AND (LOWER(s.subject) LIKE :q OR LOWER(s.case_number) LIKE :q OR LOWER(c.legal_name) LIKE :q"
					+ " OR LOWER(s.external_id) LIKE :q OR LOWER(s.order_number) LIKE :q)");
			params.put("q", io.rumbo.shared.sql.Like.containing(filter.q()));
		}
		if (filter.customerId() != null) {
			where.append(" AND s.customer_id = :customer");
			params.put("customer", filter.customerId());
		}
		if (filter.staffId() != null) {
			where.append(" AND s.staff_id = :staff");
			params.put("staff", filter.staffId());
		}
		if (filter.unitIds() != null) {
			where.append(" AND s.unit_id IN (:units)");
			params.put("units", filter.unitIds().isEmpty() ? List.of(-1L) : filter.unitIds());
		}
		if (filter.open() != null) {
			where.append(filter.open() ? " AND s.resolved_on IS NULL" : " AND s.resolved_on IS NOT NULL");
		}
		if (filter.priority() != null) {
			where.append(" AND s.priority = :priority");
			params.put("priority", filter.priority().name());
		}
		if (filter.category() != null) {
			where.append(" AND s.category = :category");
			params.put("category", filter.category().name());
		}
		if (filter.from() != null) {
			where.append(" AND s.opened_on >= :from");
			params.put("from", filter.from());
		}
		if (filter.to() != null) {
			where.append(" AND s.opened_on <= :to");
			params.put("to", filter.to());
		}
		return where.toString();
	}

	private static String ratingWhere(DataScope scope, RatingFilter filter, Map<String, Object> params) {
		StringBuilder where = new StringBuilder(" WHERE 1 = 1");
		scope(scope, where, params);
		if (filter.customerId() != null) {
			where.append(" AND s.customer_id = :customer");
			params.put("customer", filter.customerId());
		}
		if (filter.caseId() != null) {
			where.append(" AND s.case_id = :case");
			params.put("case", filter.caseId());
		}
		if (filter.staffId() != null) {
			where.append(" AND s.staff_id = :staff");
			params.put("staff", filter.staffId());
		}
		if (filter.unitIds() != null) {
			where.append(" AND s.unit_id IN (:units)");
			params.put("units", filter.unitIds().isEmpty() ? List.of(-1L) : filter.unitIds());
		}
		if (filter.from() != null) {
			where.append(" AND s.rated_on >= :from");
			params.put("from", filter.from());
		}
		if (filter.to() != null) {
			where.append(" AND s.rated_on <= :to");
			params.put("to", filter.to());
		}
		return where.toString();
	}
}
