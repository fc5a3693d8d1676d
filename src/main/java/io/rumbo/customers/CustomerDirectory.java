package io.rumbo.customers;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.customers.domain.CustomerQueries;
import io.rumbo.customers.domain.OwnershipHistory;
import io.rumbo.organization.DataScope;
import io.rumbo.organization.StaffId;
import io.rumbo.organization.UnitId;

/**
 * Account names and owners for other modules that have already decided what their reader may see (an order's
 * credited partner sees the customer's name on that order even when they do not own the account).
 */
@Service
public class CustomerDirectory {

	/** What another module needs to know about an account. */
	public record CustomerRef(long id, String legalName, @Nullable Long ownerStaffId, long unitId, boolean archived) {

		public CustomerId customerId() {
			return CustomerId.of(id);
		}

		public @Nullable StaffId owner() {
			return ownerStaffId == null ? null : StaffId.of(ownerStaffId);
		}

		public UnitId unit() {
			return UnitId.of(unitId);
		}
	}

	private final JdbcClient jdbc;
	private final OwnershipHistory ownership;
	private final CustomerQueries queries;

	CustomerDirectory(JdbcClient jdbc, OwnershipHistory ownership, CustomerQueries queries) {
		this.jdbc = jdbc;
		this.ownership = ownership;
		this.queries = queries;
	}

	/**
	 * The accounts the scope sees that carry one of these external ids, by that id (imports refer to accounts by
	 * it): only the ids asked for are read, a thousand per query, so a file resolves its accounts in the same time
	 * whether the company has a thousand customers or millions.
	 */
	@Transactional(readOnly = true)
	public Map<String, CustomerView> byExternalIds(DataScope scope, Collection<String> externalIds,
			boolean includeArchived) {
		return queries.byExternalIds(scope, externalIds, includeArchived);
	}

	/** Which of these accounts (archived included) the scope sees, a thousand per query. */
	@Transactional(readOnly = true)
	public java.util.Set<CustomerId> visible(DataScope scope, Collection<CustomerId> ids) {
		java.util.Set<CustomerId> visible = new java.util.HashSet<>();
		queries.visibleIds(scope, ids.stream().map(CustomerId::value).toList())
			.forEach(id -> visible.add(CustomerId.of(id)));
		return visible;
	}

	@Transactional(readOnly = true)
	public Map<Long, String> names(Collection<Long> ids) {
		Map<Long, String> names = new HashMap<>();
		if (!ids.isEmpty()) {
			jdbc.sql("SELECT id, legal_name FROM customer_account WHERE id IN (:ids)").param("ids", ids).query(rs -> {
				names.put(rs.getLong(1), rs.getString(2));
			});
		}
		return names;
	}

	/** The potential class of each of these accounts, in one query. */
	@Transactional(readOnly = true)
	public Map<Long, PotentialClass> potentialClasses(Collection<Long> ids) {
		Map<Long, PotentialClass> classes = new HashMap<>();
		if (!ids.isEmpty()) {
			jdbc.sql("SELECT id, potential_class FROM customer_account WHERE id IN (:ids)").param("ids", ids)
				.query(rs -> {
					classes.put(rs.getLong(1), PotentialClass.valueOf(rs.getString(2)));
				});
		}
		return classes;
	}

	/** The external ids of these accounts (those that have one), in one query: exports that imports read back. */
	@Transactional(readOnly = true)
	public Map<Long, String> externalIds(Collection<Long> ids) {
		Map<Long, String> found = new java.util.HashMap<>();
		if (!ids.isEmpty()) {
			jdbc.sql("SELECT id, external_id FROM customer_account WHERE id IN (:ids) AND external_id IS NOT NULL")
				.param("ids", ids)
				.query(rs -> {
					found.put(rs.getLong(1), rs.getString(2));
				});
		}
		return found;
	}

	@Transactional(readOnly = true)
	public Optional<CustomerRef> find(long id) {
		return jdbc.sql("SELECT id, legal_name, owner_staff_id, unit_id, archived FROM customer_account WHERE id = :id")
			.param("id", id)
			.query((rs, n) -> new CustomerRef(rs.getLong(1), rs.getString(2), (Long) rs.getObject(3, Long.class),
					rs.getLong(4), rs.getBoolean(5)))
			.optional();
	}

	/**
	 * The active accounts matching a target market's criteria (each one optional; text criteria match
	 * case-insensitively), with owner and unit so that callers can apply the reader's scope.
	 */
	@Transactional(readOnly = true)
	public java.util.List<CustomerRef> matching(@Nullable String industry, @Nullable String region,
			@Nullable CompanySize size, @Nullable PotentialClass potentialClass, @Nullable Segment segment) {
		StringBuilder where = new StringBuilder(" WHERE archived = FALSE");
		Map<String, Object> params = new HashMap<>();
		if (industry != null && !industry.isBlank()) {
			where.append(" AND LOWER(industry) = :industry");
			params.put("industry", industry.trim().toLowerCase());
		}
		if (region != null && !region.isBlank()) {
			where.append(" AND LOWER(region) = :region");
			params.put("region", region.trim().toLowerCase());
		}
		if (size != null) {
			where.append(" AND company_size = :size");
			params.put("size", size.name());
		}
		if (potentialClass != null) {
			where.append(" AND potential_class = :class");
			params.put("class", potentialClass.name());
		}
		if (segment != null) {
			where.append(" AND segment = :segment");
			params.put("segment", segment.name());
		}
		return jdbc.sql("SELECT id, legal_name, owner_staff_id, unit_id, archived FROM customer_account" + where
				+ " ORDER BY legal_name")
			.params(params)
			.query((rs, n) -> new CustomerRef(rs.getLong(1), rs.getString(2), (Long) rs.getObject(3, Long.class),
					rs.getLong(4), rs.getBoolean(5)))
			.list();
	}

	/** Accounts by id (archived included), in one query. */
	@Transactional(readOnly = true)
	public java.util.List<CustomerRef> refs(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return java.util.List.of();
		}
		return jdbc.sql("SELECT id, legal_name, owner_staff_id, unit_id, archived FROM customer_account WHERE id IN (:ids)")
			.param("ids", ids)
			.query((rs, n) -> new CustomerRef(rs.getLong(1), rs.getString(2), (Long) rs.getObject(3, Long.class),
					rs.getLong(4), rs.getBoolean(5)))
			.list();
	}

	// ---- by typed id, for the modules that refer to accounts by CustomerId

	@Transactional(readOnly = true)
	public Optional<CustomerRef> find(CustomerId id) {
		return find(id.value());
	}

	/** Account names by id, in one query. */
	@Transactional(readOnly = true)
	public Map<CustomerId, String> namesOf(Collection<CustomerId> ids) {
		Map<CustomerId, String> names = new HashMap<>();
		names(ids.stream().map(CustomerId::value).toList()).forEach((id, name) -> names.put(CustomerId.of(id), name));
		return names;
	}

	/** Accounts by id (archived included), in one query. */
	@Transactional(readOnly = true)
	public java.util.List<CustomerRef> refsOf(Collection<CustomerId> ids) {
		return refs(ids.stream().map(CustomerId::value).toList());
	}

	/**
	 * Who owned the account, in which unit, on a date (results are credited to the owner at the time); empty when
	 * the account's history does not reach that date.
	 */
	@Transactional(readOnly = true)
	public Optional<OwnershipPeriod> ownershipOn(CustomerId id, java.time.LocalDate date) {
		return OwnershipPeriod.on(ownership.of(id.value()), date);
	}

	/**
	 * The annual potential of the live accounts each of these people owns today, summed (an account without an
	 * estimate counts zero); people who own none are absent. One query per thousand people.
	 */
	@Transactional(readOnly = true)
	public Map<StaffId, java.math.BigDecimal> potentialByOwner(Collection<StaffId> owners) {
		Map<StaffId, java.math.BigDecimal> sums = new HashMap<>();
		java.util.List<Long> ids = owners.stream().map(StaffId::value).distinct().toList();
		for (int i = 0; i < ids.size(); i += 1000) {
			jdbc.sql("""
					SELECT owner_staff_id, SUM(COALESCE(annual_potential, 0)) FROM customer_account
					WHERE owner_staff_id IN (:ids) AND archived = FALSE GROUP BY owner_staff_id""")
				.param("ids", ids.subList(i, Math.min(ids.size(), i + 1000)))
				.query(rs -> {
					sums.put(StaffId.of(rs.getLong(1)), rs.getBigDecimal(2));
				});
		}
		return sums;
	}

	/**
	 * The fields territory rules read, of a live account (territories keep them as their own copy to evaluate rules
	 * set-based, kept from this module's events; decisions 0037 and 0044).
	 */
	public record AccountFacts(long id, String legalName, @Nullable String region, @Nullable String postalCode,
			@Nullable String city, @Nullable String industry, CompanySize companySize, PotentialClass potentialClass,
			Segment segment, java.math.@Nullable BigDecimal annualPotential, @Nullable Long ownerStaffId, long unitId) {
	}

	private static final String LIVE_ACCOUNTS = """
			SELECT id, legal_name, region, postal_code, city, industry, company_size, potential_class, segment,
			       annual_potential, owner_staff_id, unit_id
			FROM customer_account WHERE archived = FALSE""";

	/**
	 * Up to {@code limit} live accounts with an id above {@code afterId}, by id: a copy of every account is taken a
	 * chunk at a time (keyset, so each chunk is an index range), never as one list of the whole company.
	 */
	@Transactional(readOnly = true)
	public List<AccountFacts> liveAccountsAfter(long afterId, int limit) {
		return jdbc.sql(LIVE_ACCOUNTS + " AND id > :after ORDER BY id FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY")
			.param("after", afterId)
			.query(CustomerDirectory::facts)
			.list();
	}

	/** The live accounts among {@code ids} (archived and unknown ones are absent), by id. */
	@Transactional(readOnly = true)
	public List<AccountFacts> liveAccounts(java.util.Collection<Long> ids) {
		List<AccountFacts> found = new java.util.ArrayList<>();
		List<Long> all = ids.stream().distinct().sorted().toList();
		for (int i = 0; i < all.size(); i += 1000) {
			found.addAll(jdbc.sql(LIVE_ACCOUNTS + " AND id IN (:ids) ORDER BY id")
				.param("ids", all.subList(i, Math.min(all.size(), i + 1000)))
				.query(CustomerDirectory::facts)
				.list());
		}
		return found;
	}

	private static AccountFacts facts(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new AccountFacts(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
				rs.getString(6), CompanySize.valueOf(rs.getString(7)), PotentialClass.valueOf(rs.getString(8)),
				Segment.valueOf(rs.getString(9)), rs.getBigDecimal(10), (Long) rs.getObject(11, Long.class),
				rs.getLong(12));
	}
}
