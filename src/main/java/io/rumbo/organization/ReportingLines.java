package io.rumbo.organization;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.identity.UserId;

/**
 * Who a person reports to and which sign-in account they use, as of today, for modules that address people
 * (notifications): set-based, one query per call whatever the number of people. People who left or were archived,
 * and people without an account, are absent from the answers.
 */
@Service
public class ReportingLines {

	private final JdbcClient jdbc;

	ReportingLines(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The account of each active person who has one. */
	@Transactional(readOnly = true)
	public Map<StaffId, UserId> accounts(Collection<StaffId> people) {
		Map<StaffId, UserId> accounts = new HashMap<>();
		if (people.isEmpty()) {
			return accounts;
		}
		jdbc.sql("""
				SELECT id, user_id FROM org_staff
				WHERE id IN (:ids) AND user_id IS NOT NULL AND archived = FALSE AND status <> 'LEFT'""")
			.param("ids", people.stream().map(StaffId::value).distinct().toList())
			.query(rs -> {
				accounts.put(StaffId.of(rs.getLong(1)), new UserId(rs.getLong(2)));
			});
		return accounts;
	}

	/** The person who uses this account, if they are active. */
	@Transactional(readOnly = true)
	public Optional<StaffId> personOf(UserId account) {
		return jdbc.sql("SELECT id FROM org_staff WHERE user_id = :user AND archived = FALSE AND status <> 'LEFT'")
			.param("user", account.value())
			.query(Long.class)
			.optional()
			.map(StaffId::of);
	}

	/**
	 * Each person's manager: the manager of their unit, or, for the manager of the unit themselves (or a unit
	 * without one), the first manager up the tree. People with nobody above them are absent.
	 */
	@Transactional(readOnly = true)
	public Map<StaffId, StaffId> managers(Collection<StaffId> people) {
		Map<StaffId, StaffId> managers = new HashMap<>();
		if (people.isEmpty()) {
			return managers;
		}
		Map<Long, Long> unitOf = new HashMap<>();
		jdbc.sql("SELECT id, unit_id FROM org_staff WHERE id IN (:ids)")
			.param("ids", people.stream().map(StaffId::value).distinct().toList())
			.query(rs -> {
				unitOf.put(rs.getLong(1), rs.getLong(2));
			});
		Map<Long, @Nullable Long> parent = new HashMap<>();
		Map<Long, @Nullable Long> manager = new HashMap<>();
		jdbc.sql("SELECT id, parent_id, manager_staff_id FROM org_unit WHERE archived = FALSE").query(rs -> {
			long id = rs.getLong(1);
			long parentId = rs.getLong(2);
			parent.put(id, rs.wasNull() ? null : parentId);
			long managerId = rs.getLong(3);
			manager.put(id, rs.wasNull() ? null : managerId);
		});
		unitOf.forEach((person, unit) -> {
			Long at = unit;
			int depth = 0;
			while (at != null && depth++ < 100) {
				Long lead = manager.get(at);
				if (lead != null && lead.longValue() != person.longValue()) {
					managers.put(StaffId.of(person), StaffId.of(lead));
					return;
				}
				at = parent.get(at);
			}
		});
		return managers;
	}

	/** The active people who work in these units today (members only, not the units below). */
	@Transactional(readOnly = true)
	public Set<StaffId> members(Collection<UnitId> units) {
		Set<StaffId> members = new LinkedHashSet<>();
		if (units.isEmpty()) {
			return members;
		}
		jdbc.sql("""
				SELECT id FROM org_staff WHERE unit_id IN (:units) AND archived = FALSE AND status <> 'LEFT'
				ORDER BY id""")
			.param("units", units.stream().map(UnitId::value).distinct().toList())
			.query(Long.class)
			.list()
			.forEach(id -> members.add(StaffId.of(id)));
		return members;
	}

	/** The managers of the units directly below these (they split their unit's quota among their own people). */
	@Transactional(readOnly = true)
	public Set<StaffId> subUnitManagers(Collection<UnitId> units) {
		Set<StaffId> leads = new LinkedHashSet<>();
		if (units.isEmpty()) {
			return leads;
		}
		List<Long> ids = jdbc.sql("""
				SELECT manager_staff_id FROM org_unit
				WHERE parent_id IN (:units) AND manager_staff_id IS NOT NULL AND archived = FALSE ORDER BY id""")
			.param("units", units.stream().map(UnitId::value).distinct().toList())
			.query(Long.class)
			.list();
		ids.forEach(id -> leads.add(StaffId.of(id)));
		return leads;
	}
}
