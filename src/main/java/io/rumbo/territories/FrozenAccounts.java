package io.rumbo.territories;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.customers.CustomerDirectory;
import io.rumbo.customers.CustomerId;
import io.rumbo.customers.CustomerOwnerChanged;
import io.rumbo.customers.PotentialClass;
import io.rumbo.identity.AuditTrail;
import io.rumbo.identity.CurrentUser;
import io.rumbo.organization.DataScopes;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.shared.domain.AccessRefusedException;
import io.rumbo.shared.domain.NotFoundException;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.PageResponse;

/**
 * Accounts excluded from realignment: they keep their owner whatever a model says (decision 0037). The list is
 * searched, filtered, sorted, paged and scoped in SQL (decision 0041): each row keeps the account's name, potential
 * class, unit and owner, copied from the customers module's API when frozen and read again from it on
 * {@link CustomerOwnerChanged}. Directors, administrators, managers and viewers read the accounts they see; directors,
 * administrators and managers freeze and unfreeze them, with a reason, audited.
 */
@Service
public class FrozenAccounts {

	/** The sort keys of the list. */
	public static final Map<String, String> SORTS = Map.of("legalName", "LOWER(f.legal_name)", "markedOn",
			"f.marked_on", "potentialClass", "f.potential_class", "markedBy", "f.marked_by");

	/** What narrows the list: a text in the name or the reason, a potential class, a unit (with its subtree). */
	public record Filter(@Nullable String q, @Nullable PotentialClass potentialClass, @Nullable Long unitId) {
	}

	private final JdbcClient jdbc;
	private final CustomerDirectory customers;
	private final DataScopes scopes;
	private final OrgDirectory org;
	private final AuditTrail audit;
	private final Clock clock;

	FrozenAccounts(JdbcClient jdbc, CustomerDirectory customers, DataScopes scopes, OrgDirectory org, AuditTrail audit,
			Clock clock) {
		this.jdbc = jdbc;
		this.customers = customers;
		this.scopes = scopes;
		this.org = org;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public PageResponse<FrozenAccount> list(CurrentUser user, Filter filter, ListQuery query) {
		Map<String, Object> params = new HashMap<>();
		String where = where(user, filter, params);
		long total = jdbc.sql("SELECT COUNT(*) FROM territories_frozen_account f" + where).params(params)
			.query(Long.class).single();
		List<Row> rows = jdbc.sql(SELECT + where + " " + query.orderBy("f.customer_id") + query.limit()).params(params)
			.query(FrozenAccounts::row).list();
		return PageResponse.of(views(rows), query, total);
	}

	/** Every row of the filtered list in the order asked, for an export. */
	@Transactional(readOnly = true)
	public void each(CurrentUser user, Filter filter, ListQuery query, Consumer<FrozenAccount> sink) {
		Map<String, Object> params = new HashMap<>();
		String where = where(user, filter, params);
		views(jdbc.sql(SELECT + where + " " + query.orderBy("f.customer_id")).params(params)
			.query(FrozenAccounts::row).list()).forEach(sink);
	}

	private static final String SELECT = """
			SELECT f.customer_id, f.legal_name, f.reason, f.marked_by, f.marked_on, f.potential_class, f.unit_id,
			       f.owner_staff_id
			FROM territories_frozen_account f""";

	private record Row(long customerId, @Nullable String legalName, @Nullable String reason, String markedBy,
			LocalDate markedOn, @Nullable String potentialClass, @Nullable Long unitId, @Nullable Long ownerStaffId) {
	}

	private static Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
				rs.getObject(5, LocalDate.class), rs.getString(6), (Long) rs.getObject(7, Long.class),
				(Long) rs.getObject(8, Long.class));
	}

	/** The rows with the names of their units and owners (one query each for the page). */
	private List<FrozenAccount> views(List<Row> rows) {
		Set<Long> unitIds = new HashSet<>();
		Set<Long> staffIds = new HashSet<>();
		for (Row r : rows) {
			if (r.unitId() != null) {
				unitIds.add(r.unitId());
			}
			if (r.ownerStaffId() != null) {
				staffIds.add(r.ownerStaffId());
			}
		}
		Map<Long, String> units = org.unitNames(unitIds);
		Map<Long, String> people = org.staffNames(staffIds);
		List<FrozenAccount> views = new ArrayList<>(rows.size());
		for (Row r : rows) {
			views.add(new FrozenAccount(r.customerId(), r.legalName(), r.reason(), r.markedBy(),
					r.markedOn(), r.potentialClass(), r.unitId(), r.unitId() == null ? null : units.get(r.unitId()),
					r.ownerStaffId(), r.ownerStaffId() == null ? null : people.get(r.ownerStaffId())));
		}
		return views;
	}

	/** The reader's rows (the account's unit or owner in their scope) and the filter, as SQL on alias {@code f}. */
	private String where(CurrentUser user, Filter filter, Map<String, Object> params) {
		if (!TerritoryModels.mayReadModels(user)) {
			throw new AccessRefusedException("territories");
		}
		StringBuilder where = new StringBuilder(" WHERE ").append(scopes.of(user).sql("f.unit_id", "f.owner_staff_id",
				params));
		if (filter.q() != null && !filter.q().isBlank()) {
			where.append(" AND (LOWER(f.legal_name) LIKE :q OR LOWER(f.reason) LIKE :q)");
			params.put("q", "%" + filter.q().trim().toLowerCase(Locale.ROOT) + "%");
		}
		if (filter.potentialClass() != null) {
			where.append(" AND f.potential_class = :pc");
			params.put("pc", filter.potentialClass().name());
		}
		if (filter.unitId() != null) {
			where.append(" AND f.unit_id IN (:units)");
			params.put("units", org.subtree(filter.unitId()));
		}
		return where.toString();
	}

	/** Keeps an account out of every realignment (directors, admins, and managers for accounts they see). */
	@Transactional
	public void freeze(CurrentUser user, @Nullable Long customerId, @Nullable String reason) {
		if (!TerritoryModels.mayCreate(user)) {
			throw new AccessRefusedException("territories");
		}
		if (customerId == null || customers.visible(scopes.of(user), List.of(CustomerId.of(customerId))).isEmpty()) {
			throw ValidationFailedException.of("customerId", "territories.named.customer.unknown");
		}
		String why = reason == null || reason.isBlank() ? null : reason.trim();
		if (why != null && why.length() > 300) {
			throw ValidationFailedException.of("reason", "territories.frozen.reason.tooLong", 300);
		}
		var account = customers.find(customerId).orElseThrow(() -> new NotFoundException("customer", customerId));
		PotentialClass potentialClass = customers.potentialClasses(List.of(customerId)).get(customerId);
		Map<String, Object> before = state(customerId);
		jdbc.sql("DELETE FROM territories_frozen_account WHERE customer_id = :c").param("c", customerId).update();
		jdbc.sql("""
				INSERT INTO territories_frozen_account (customer_id, reason, marked_by, marked_on, legal_name,
				       potential_class, unit_id, owner_staff_id)
				VALUES (:c, :r, :u, :d, :name, :pc, :unit, :owner)""")
			.param("c", customerId)
			.param("r", why)
			.param("u", user.username())
			.param("d", LocalDate.now(clock))
			.param("name", account.legalName())
			.param("pc", potentialClass == null ? null : potentialClass.name())
			.param("unit", account.unitId())
			.param("owner", account.ownerStaffId())
			.update();
		audit.record("TERRITORY_ACCOUNT", customerId, "FREEZE", before, state(customerId), account.legalName());
	}

	/** Lets realignments move the account again; the reason is kept in the audit trail. */
	@Transactional
	public void unfreeze(CurrentUser user, long customerId, @Nullable String reason) {
		if (!TerritoryModels.mayCreate(user)
				|| customers.visible(scopes.of(user), List.of(CustomerId.of(customerId))).isEmpty()) {
			throw new NotFoundException("customer", customerId);
		}
		Map<String, Object> before = state(customerId);
		if (jdbc.sql("DELETE FROM territories_frozen_account WHERE customer_id = :c").param("c", customerId)
			.update() == 0) {
			throw new NotFoundException("frozenAccount", customerId);
		}
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("unfrozenBecause", reason == null || reason.isBlank() ? null : reason.trim());
		audit.record("TERRITORY_ACCOUNT", customerId, "UNFREEZE", before, after, String.valueOf(before.get("legalName")));
	}

	private Map<String, Object> state(long customerId) {
		Map<String, Object> state = new LinkedHashMap<>();
		jdbc.sql("SELECT legal_name, reason, marked_by, marked_on FROM territories_frozen_account WHERE customer_id = :c")
			.param("c", customerId)
			.query(rs -> {
				state.put("legalName", rs.getString(1));
				state.put("reason", rs.getString(2));
				state.put("markedBy", rs.getString(3));
				state.put("markedOn", String.valueOf(rs.getObject(4, LocalDate.class)));
			});
		return state;
	}

	/**
	 * A frozen account that changed hands keeps the list's scope right: its current name, potential class, unit and
	 * owner are read again through the customers module's API rather than copied from the event, so a retried or late
	 * event cannot write an older owner back, and a row that is not frozen is left alone (idempotent).
	 */
	@ApplicationModuleListener
	void on(CustomerOwnerChanged changed) {
		refresh(jdbc.sql("SELECT customer_id FROM territories_frozen_account WHERE customer_id = :c")
			.param("c", changed.customer().value()).query(Long.class).list());
	}

	/** Rows frozen before the list kept the account's fields (V89) get them once, at start. */
	@EventListener(ApplicationReadyEvent.class)
	@Transactional
	public void fillMissing() {
		refresh(jdbc.sql("SELECT customer_id FROM territories_frozen_account WHERE unit_id IS NULL")
			.query(Long.class).list());
	}

	/** The accounts' current name, potential class, unit and owner onto their rows (two reads for them all). */
	private void refresh(List<Long> ids) {
		if (ids.isEmpty()) {
			return;
		}
		Map<Long, PotentialClass> classes = customers.potentialClasses(ids);
		for (var ref : customers.refs(ids)) {
			PotentialClass pc = classes.get(ref.id());
			jdbc.sql("""
					UPDATE territories_frozen_account SET legal_name = :name, potential_class = :pc, unit_id = :unit,
					       owner_staff_id = :owner WHERE customer_id = :c""")
				.param("name", ref.legalName()).param("pc", pc == null ? null : pc.name()).param("unit", ref.unitId())
				.param("owner", ref.ownerStaffId()).param("c", ref.id()).update();
		}
	}
}
