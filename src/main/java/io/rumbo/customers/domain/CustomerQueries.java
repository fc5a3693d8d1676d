package io.rumbo.customers.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.rumbo.customers.CompanySize;
import io.rumbo.customers.ContactRole;
import io.rumbo.customers.ContactView;
import io.rumbo.customers.CustomerOption;
import io.rumbo.customers.CustomerStatus;
import io.rumbo.customers.CustomerView;
import io.rumbo.customers.PotentialClass;
import io.rumbo.customers.Segment;
import io.rumbo.organization.DataScope;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.PageResponse;

/**
 * Set-based reads of customers, with the data scope in SQL: an account is visible when its unit is in the reader's
 * managed subtree or the reader owns it. Owner and unit names come from the organisation in one lookup per page.
 */
@Component
public class CustomerQueries {

	public static final Map<String, String> SORTS = Map.of("legalName", "c.legal_name", "city", "c.city", "status",
			"c.status", "potentialClass", "c.potential_class", "annualPotential", "c.annual_potential", "segment",
			"c.segment");

	public record Filter(@Nullable String q, @Nullable CustomerStatus status, @Nullable Segment segment,
			@Nullable PotentialClass potentialClass, @Nullable Long ownerStaffId, @Nullable Set<Long> unitIds,
			boolean includeArchived) {
	}

	private final JdbcClient jdbc;
	private final JdbcClient streaming;
	private final OrgDirectory org;

	CustomerQueries(JdbcClient jdbc, javax.sql.DataSource dataSource, OrgDirectory org) {
		this.jdbc = jdbc;
		// Exports read with a fetch size, so that PostgreSQL streams rows from a cursor instead of loading them all.
		org.springframework.jdbc.core.JdbcTemplate cursor = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
		cursor.setFetchSize(BATCH);
		this.streaming = JdbcClient.create(cursor);
		this.org = org;
	}

	public PageResponse<CustomerView> customers(DataScope scope, Filter filter, ListQuery query) {
		return customers(scope, filter, query, COUNT_CAP);
	}

	/** {@link #customers(DataScope, Filter, ListQuery)} counting up to {@code countCap} matches. */
	public PageResponse<CustomerView> customers(DataScope scope, Filter filter, ListQuery query, long countCap) {
		Map<String, Object> params = new HashMap<>();
		String where = where(scope, filter, params);
		// Counting millions of accounts costs more than the page itself: count up to the cap (or just past the page
		// asked for) and say the total is a lower bound beyond it.
		long cap = Math.max(countCap, query.offset() + query.size()) + 1;
		if (searches(filter)) {
			PageResponse<CustomerView> found = fewMatches(where, params, query, cap);
			if (found != null) {
				return found;
			}
		}
		long counted = count(where, params, cap);
		List<Row> rows = jdbc.sql("SELECT c.* FROM customer_account c" + where + query.orderBy("c.id") + query.limit())
			.params(params)
			.query(CustomerQueries::row)
			.list();
		return counted < cap ? PageResponse.of(named(rows), query, counted)
				: PageResponse.of(named(rows), query, cap - 1, false);
	}

	private static boolean searches(Filter filter) {
		return filter.q() != null && !filter.q().isBlank();
	}

	/**
	 * A search's page in one pass over its matches: the matches (no more than {@code cap}, through the trigram index
	 * on PostgreSQL) are counted and sorted together, so the search is not run twice, once to count and once for the
	 * page. Answers null when the search matches {@code cap} accounts or more (the page must then come from the
	 * whole sorted list) or when the page lies past the matches (the total is not on any row).
	 */
	private @Nullable PageResponse<CustomerView> fewMatches(String where, Map<String, Object> params, ListQuery query,
			long cap) {
		long[] total = { -1 };
		List<Row> rows = jdbc.sql("SELECT c.* FROM (SELECT m.*, COUNT(*) OVER () AS match_count FROM (SELECT c.*"
				+ " FROM customer_account c" + where + " LIMIT " + cap + ") m) c" + query.orderBy("c.id") + query.limit())
			.params(params)
			.query((rs, n) -> {
				total[0] = rs.getLong("match_count");
				return row(rs, n);
			})
			.list();
		return total[0] < 0 || total[0] >= cap ? null : PageResponse.of(named(rows), query, total[0]);
	}

	/** How many accounts match, counting no further than {@code cap}. */
	private long count(String where, Map<String, Object> params, long cap) {
		return jdbc.sql("SELECT COUNT(*) FROM (SELECT 1 FROM customer_account c" + where + " LIMIT " + cap
				+ ") counted").params(params).query(Long.class).single();
	}

	/** How many accounts a list counts at most before it reports "more than" (an unpaged list counts them all). */
	public static final long COUNT_CAP = 10_000;

	/**
	 * Every matching account, read by one query with a fetch size (a cursor on PostgreSQL) and named a thousand at
	 * a time, so exports of any size keep memory flat. Runs inside the caller's read-only transaction.
	 */
	public void each(DataScope scope, Filter filter, ListQuery query, Consumer<CustomerView> sink) {
		Map<String, Object> params = new HashMap<>();
		String where = where(scope, filter, params);
		List<Row> batch = new ArrayList<>();
		streaming.sql("SELECT c.* FROM customer_account c" + where + query.orderBy("c.id")).params(params).query(rs -> {
			batch.add(row(rs, 0));
			if (batch.size() == BATCH) {
				named(batch).forEach(sink);
				batch.clear();
			}
		});
		named(batch).forEach(sink);
	}

	public @Nullable CustomerView customer(DataScope scope, long id) {
		Map<String, Object> params = new HashMap<>();
		String where = where(scope, new Filter(null, null, null, null, null, null, true), params) + " AND c.id = :id";
		params.put("id", id);
		List<Row> rows = jdbc.sql("SELECT c.* FROM customer_account c" + where).params(params).query(CustomerQueries::row)
			.list();
		return rows.isEmpty() ? null : named(rows).get(0);
	}

	/** How many keys one {@code IN} list carries: lookups by many keys read in set-based batches of this size. */
	static final int BATCH = 1000;

	/**
	 * The accounts in scope that carry one of these external ids, by that id, read a thousand ids per query (an
	 * import resolves only the ids its file names, never the whole table).
	 */
	public Map<String, CustomerView> byExternalIds(DataScope scope, java.util.Collection<String> externalIds,
			boolean includeArchived) {
		Map<String, CustomerView> found = new HashMap<>();
		List<String> all = new ArrayList<>(new java.util.LinkedHashSet<>(externalIds));
		for (int i = 0; i < all.size(); i += BATCH) {
			Map<String, Object> params = new HashMap<>();
			String where = where(scope, new Filter(null, null, null, null, null, null, includeArchived), params)
					+ " AND c.external_id IN (:externalIds)";
			params.put("externalIds", all.subList(i, Math.min(all.size(), i + BATCH)));
			List<Row> rows = jdbc.sql("SELECT c.* FROM customer_account c" + where)
				.params(params)
				.query(CustomerQueries::row)
				.list();
			named(rows).forEach(c -> found.put(java.util.Objects.requireNonNull(c.externalId()), c));
		}
		return found;
	}

	/** Which of these accounts (archived included) the scope sees, a thousand ids per query. */
	public Set<Long> visibleIds(DataScope scope, java.util.Collection<Long> ids) {
		Set<Long> visible = new HashSet<>();
		List<Long> all = new ArrayList<>(new java.util.LinkedHashSet<>(ids));
		for (int i = 0; i < all.size(); i += BATCH) {
			Map<String, Object> params = new HashMap<>();
			String where = where(scope, new Filter(null, null, null, null, null, null, true), params)
					+ " AND c.id IN (:ids)";
			params.put("ids", all.subList(i, Math.min(all.size(), i + BATCH)));
			visible.addAll(jdbc.sql("SELECT c.id FROM customer_account c" + where).params(params).query(Long.class).list());
		}
		return visible;
	}

	/**
	 * A few active accounts in scope whose name, tax id, city or external id contains {@code q} (all of them
	 * when blank), by name: what a picker offers as the user types.
	 */
	public PageResponse<CustomerOption> options(DataScope scope, @Nullable String q, ListQuery query) {
		Map<String, Object> params = new HashMap<>();
		String where = where(scope, new Filter(q, null, null, null, null, null, false), params);
		long cap = Math.max(COUNT_CAP, query.offset() + query.size()) + 1;
		long counted = count(where, params, cap);
		List<CustomerOption> page = options(where, params, query.orderBy("c.id") + query.limit());
		return counted < cap ? PageResponse.of(page, query, counted) : PageResponse.of(page, query, cap - 1, false);
	}

	/**
	 * The first {@code limit} options (of one owner's accounts when given), without counting them all: what a
	 * page's picker shows as the user types.
	 */
	public List<CustomerOption> options(DataScope scope, @Nullable String q, @Nullable Long ownerStaffId, int limit) {
		Map<String, Object> params = new HashMap<>();
		String where = where(scope, new Filter(q, null, null, null, ownerStaffId, null, false), params);
		return options(where, params, " ORDER BY c.legal_name, c.id LIMIT " + limit);
	}

	private List<CustomerOption> options(String where, Map<String, Object> params, String orderAndLimit) {
		return jdbc.sql("SELECT c.id, c.legal_name, c.city, c.external_id FROM customer_account c" + where
				+ orderAndLimit)
			.params(params)
			.query((rs, n) -> new CustomerOption(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.list();
	}

	public List<ContactView> contacts(long customerId) {
		return jdbc.sql("""
				SELECT * FROM customer_contact WHERE customer_id = :id AND archived = FALSE
				ORDER BY is_primary DESC, full_name""")
			.param("id", customerId)
			.query((rs, n) -> new ContactView(rs.getLong("id"), rs.getLong("version"), rs.getLong("customer_id"),
					rs.getString("external_id"), rs.getString("full_name"), rs.getString("job_title"),
					ContactRole.valueOf(rs.getString("contact_role")), rs.getString("email"), rs.getString("phone"),
					rs.getBoolean("is_primary")))
			.list();
	}

	/**
	 * The current contacts carrying one of these external ids, by that id, a thousand per query (imports match rows
	 * to contacts with it and read only those their file names).
	 */
	public Map<String, ContactView> contactsByExternalIds(java.util.Collection<String> externalIds) {
		Map<String, ContactView> contacts = new HashMap<>();
		List<String> all = new ArrayList<>(new java.util.LinkedHashSet<>(externalIds));
		for (int i = 0; i < all.size(); i += BATCH) {
			jdbc.sql("SELECT * FROM customer_contact WHERE external_id IN (:ids) AND archived = FALSE")
				.param("ids", all.subList(i, Math.min(all.size(), i + BATCH)))
				.query(rs -> {
					contacts.put(rs.getString("external_id"), new ContactView(rs.getLong("id"), rs.getLong("version"),
							rs.getLong("customer_id"), rs.getString("external_id"), rs.getString("full_name"),
							rs.getString("job_title"), ContactRole.valueOf(rs.getString("contact_role")),
							rs.getString("email"), rs.getString("phone"), rs.getBoolean("is_primary")));
				});
		}
		return contacts;
	}

	private static String where(DataScope scope, Filter filter, Map<String, Object> params) {
		StringBuilder where = new StringBuilder(" WHERE 1 = 1");
		where.append(" AND ").append(scope.sql("c.unit_id", "c.owner_staff_id", params));
		if (filter.q() != null && !filter.q().isBlank()) {
			where.append(" AND (LOWER(c.legal_name) LIKE :q OR LOWER(c.tax_id) LIKE :q OR LOWER(c.city) LIKE :q"
					+ " OR LOWER(c.external_id) LIKE :q)");
			params.put("q", io.rumbo.shared.sql.Like.containing(filter.q()));
		}
		if (filter.status() != null) {
			where.append(" AND c.status = :status");
			params.put("status", filter.status().name());
		}
		if (filter.segment() != null) {
			where.append(" AND c.segment = :segment");
			params.put("segment", filter.segment().name());
		}
		if (filter.potentialClass() != null) {
			where.append(" AND c.potential_class = :potential");
			params.put("potential", filter.potentialClass().name());
		}
		if (filter.ownerStaffId() != null) {
			where.append(" AND c.owner_staff_id = :owner");
			params.put("owner", filter.ownerStaffId());
		}
		if (filter.unitIds() != null) {
			where.append(" AND c.unit_id IN (:units)");
			params.put("units", filter.unitIds().isEmpty() ? List.of(-1L) : filter.unitIds());
		}
		if (!filter.includeArchived()) {
			where.append(" AND c.archived = FALSE");
		}
		return where.toString();
	}

	private record Row(long id, long version, @Nullable String externalId, String legalName, @Nullable String taxId,
			Segment segment, @Nullable String industry, CompanySize size, @Nullable String region,
			@Nullable String address, @Nullable String postalCode, @Nullable String city, PotentialClass potentialClass,
			java.math.@Nullable BigDecimal annualPotential, CustomerStatus status, @Nullable Long ownerStaffId,
			long unitId, boolean archived) {
	}

	private List<CustomerView> named(List<Row> rows) {
		Set<Long> owners = new HashSet<>();
		Set<Long> units = new HashSet<>();
		for (Row row : rows) {
			if (row.ownerStaffId() != null) {
				owners.add(row.ownerStaffId());
			}
			units.add(row.unitId());
		}
		Map<Long, String> ownerNames = org.staffNames(owners);
		Map<Long, String> unitNames = org.unitNames(units);
		List<CustomerView> views = new ArrayList<>();
		for (Row r : rows) {
			views.add(new CustomerView(r.id(), r.version(), r.externalId(), r.legalName(), r.taxId(), r.segment(),
					r.industry(), r.size(), r.region(), r.address(), r.postalCode(), r.city(), r.potentialClass(),
					r.annualPotential(), r.status(), r.ownerStaffId(),
					r.ownerStaffId() == null ? null : ownerNames.get(r.ownerStaffId()), r.unitId(),
					unitNames.get(r.unitId()), r.archived()));
		}
		return views;
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		return new Row(rs.getLong("id"), rs.getLong("version"), rs.getString("external_id"), rs.getString("legal_name"),
				rs.getString("tax_id"), Segment.valueOf(rs.getString("segment")), rs.getString("industry"),
				CompanySize.valueOf(rs.getString("company_size")), rs.getString("region"), rs.getString("address"),
				rs.getString("postal_code"), rs.getString("city"), PotentialClass.valueOf(rs.getString("potential_class")),
				rs.getBigDecimal("annual_potential"), CustomerStatus.valueOf(rs.getString("status")),
				(Long) rs.getObject("owner_staff_id", Long.class), rs.getLong("unit_id"), rs.getBoolean("archived"));
	}
}
