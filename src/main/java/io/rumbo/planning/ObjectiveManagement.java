package io.rumbo.planning;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.identity.AuditTrail;
import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.shared.domain.AccessRefusedException;
import io.rumbo.shared.domain.NotFoundException;
import io.rumbo.shared.domain.StaleVersionException;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.shared.money.Amounts;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.PageResponse;

/**
 * The company's objectives for a fiscal year (revenue, margin, units, new customers, and qualitative goals), each
 * with an owner. Everyone reads them; directors and administrators set them. The plan page sets the plan's totals
 * against them, so any difference between the plan and the objective is shown.
 */
@Service
public class ObjectiveManagement {

	public record ObjectiveView(long id, long version, int fiscalYear, ObjectiveKind kind, String title,
			@Nullable BigDecimal targetValue, @Nullable Long ownerStaffId, @Nullable String ownerName,
			@Nullable String notes) {
	}

	public record ObjectiveDetails(int fiscalYear, ObjectiveKind kind, String title, @Nullable BigDecimal targetValue,
			@Nullable Long ownerStaffId, @Nullable String notes) {
	}

	private final JdbcClient jdbc;
	private final OrgDirectory org;
	private final AuditTrail audit;

	ObjectiveManagement(JdbcClient jdbc, OrgDirectory org, AuditTrail audit) {
		this.jdbc = jdbc;
		this.org = org;
		this.audit = audit;
	}

	public static boolean maySet(CurrentUser actor) {
		return actor.hasAny(Role.ADMIN, Role.DIRECTOR);
	}

	/** Sort keys of the objective list. */
	public static final Map<String, String> SORTS = Map.of("fiscalYear", "fiscal_year", "kind", "kind", "title", "title");

	/** The list's default order: latest year first, then by kind. */
	public static final List<String> DEFAULT_SORT = List.of("fiscalYear,desc", "kind");

	/** Every objective (of a fiscal year when given), latest year first. */
	@Transactional(readOnly = true)
	public List<ObjectiveView> list(@Nullable Integer fiscalYear) {
		return rows(fiscalYear, ListQuery.of(0, 1, DEFAULT_SORT, SORTS, "fiscalYear").unpaged());
	}

	/** A page of objectives (of a fiscal year when given), sorted by {@link #SORTS} keys. */
	@Transactional(readOnly = true)
	public PageResponse<ObjectiveView> page(@Nullable Integer fiscalYear, ListQuery query) {
		long total = jdbc.sql("SELECT COUNT(*) FROM planning_objective" + (fiscalYear == null ? "" : " WHERE fiscal_year = :y"))
			.params(fiscalYear == null ? Map.of() : Map.of("y", fiscalYear))
			.query(Long.class)
			.single();
		return PageResponse.of(rows(fiscalYear, query), query, total);
	}

	private List<ObjectiveView> rows(@Nullable Integer fiscalYear, ListQuery query) {
		List<ObjectiveView> raw = jdbc.sql("SELECT * FROM planning_objective"
				+ (fiscalYear == null ? "" : " WHERE fiscal_year = :y") + query.orderBy("id") + query.limit())
			.params(fiscalYear == null ? Map.of() : Map.of("y", fiscalYear))
			.query((rs, n) -> new ObjectiveView(rs.getLong("id"), rs.getLong("version"), rs.getInt("fiscal_year"),
					ObjectiveKind.valueOf(rs.getString("kind")), rs.getString("title"), rs.getBigDecimal("target_value"),
					(Long) rs.getObject("owner_staff_id", Long.class), null, rs.getString("notes")))
			.list();
		Map<Long, String> names = org.staffNames(raw.stream().map(ObjectiveView::ownerStaffId)
			.filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toSet()));
		return raw.stream()
			.map(o -> new ObjectiveView(o.id(), o.version(), o.fiscalYear(), o.kind(), o.title(), o.targetValue(),
					o.ownerStaffId(), o.ownerStaffId() == null ? null : names.get(o.ownerStaffId()), o.notes()))
			.toList();
	}

	@Transactional(readOnly = true)
	public ObjectiveView get(long id) {
		return list(null).stream().filter(o -> o.id() == id).findFirst()
			.orElseThrow(() -> new NotFoundException("objective", id));
	}

	@Transactional
	public ObjectiveView create(CurrentUser actor, ObjectiveDetails d) {
		requireSetter(actor);
		validate(d);
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO planning_objective (fiscal_year, kind, title, target_value, owner_staff_id, notes, version)
				VALUES (:year, :kind, :title, :value, :owner, :notes, 0)""")
			.params(params(d))
			.update(key, "id");
		long id = key.getKey().longValue();
		audit.record("OBJECTIVE", id, "CREATE", null, state(d), d.title());
		return get(id);
	}

	@Transactional
	public ObjectiveView update(CurrentUser actor, long id, long version, ObjectiveDetails d) {
		requireSetter(actor);
		ObjectiveView current = get(id);
		validate(d);
		int changed = jdbc.sql("""
				UPDATE planning_objective SET fiscal_year = :year, kind = :kind, title = :title, target_value = :value,
				  owner_staff_id = :owner, notes = :notes, version = version + 1 WHERE id = :id AND version = :version""")
			.params(params(d))
			.param("id", id)
			.param("version", version)
			.update();
		if (changed == 0) {
			throw new StaleVersionException(version, current);
		}
		audit.record("OBJECTIVE", id, "UPDATE", Map.of("title", current.title(), "targetValue",
				String.valueOf(current.targetValue())), state(d), d.title());
		return get(id);
	}

	@Transactional
	public void delete(CurrentUser actor, long id) {
		requireSetter(actor);
		ObjectiveView current = get(id);
		jdbc.sql("DELETE FROM planning_objective WHERE id = :id").param("id", id).update();
		audit.record("OBJECTIVE", id, "DELETE", Map.of("title", current.title()), null, current.title());
	}

	private void requireSetter(CurrentUser actor) {
		if (!maySet(actor)) {
			throw new AccessRefusedException("objectives");
		}
	}

	private void validate(ObjectiveDetails d) {
		if (d.title() == null || d.title().isBlank()) {
			throw ValidationFailedException.of("title", "planning.objective.title.required");
		}
		if (d.kind() != ObjectiveKind.QUALITATIVE && (d.targetValue() == null || d.targetValue().signum() < 0
				|| !Amounts.fitsPrice(d.targetValue()))) {
			throw ValidationFailedException.of("targetValue", "planning.objective.value.required");
		}
		if (d.ownerStaffId() != null && org.staff(d.ownerStaffId()).isEmpty()) {
			throw ValidationFailedException.of("ownerStaffId", "planning.objective.owner.unknown");
		}
	}

	private static Map<String, Object> params(ObjectiveDetails d) {
		Map<String, Object> p = new java.util.HashMap<>();
		p.put("year", d.fiscalYear());
		p.put("kind", d.kind().name());
		p.put("title", d.title().trim());
		p.put("value", d.kind() == ObjectiveKind.QUALITATIVE ? null : d.targetValue());
		p.put("owner", d.ownerStaffId());
		p.put("notes", d.notes() == null || d.notes().isBlank() ? null : d.notes().trim());
		return p;
	}

	private static Map<String, Object> state(ObjectiveDetails d) {
		Map<String, Object> s = new java.util.LinkedHashMap<>(params(d));
		s.replaceAll((k, v) -> v == null ? "" : v.toString());
		return s;
	}
}
