package io.rumbo.people;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.organization.JobRole;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.organization.StaffLeft;
import io.rumbo.organization.StaffMoved;
import io.rumbo.organization.StaffRoleChanged;
import io.rumbo.shared.sql.BulkRows;

/**
 * The people of the sales organisation as this module keeps them ({@code people_person}: unit, job role, name, hire
 * date, active), so that the gap report and the lists join and scope in SQL over this module's own tables. Kept in
 * step by the organization module's events (moved, job role changed, left; hired in {@code Onboarding}), and refreshed
 * whole from the organization module's API at start-up and before the demo is loaded.
 */
@Service
public class Roster {

	private final JdbcClient jdbc;
	private final OrgDirectory org;
	private final Clock clock;
	private final BulkRows database;

	Roster(JdbcClient jdbc, OrgDirectory org, Clock clock, BulkRows database) {
		this.jdbc = jdbc;
		this.database = database;
		this.org = org;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	void onStart() {
		refresh();
	}

	/** Reads today's staff from the organization module and brings the roster in line with it. */
	@Transactional
	public int refresh() {
		LocalDate today = LocalDate.now(clock);
		List<OrgDirectory.Stay> stays = org.staysBetween(today, today.plusDays(1), EnumSet.allOf(JobRole.class));
		Set<Long> current = new HashSet<>();
		for (OrgDirectory.Stay stay : stays) {
			if (current.add(stay.staff().value())) {
				put(stay.staff().value(), stay.unit().value(), stay.jobRole(), stay.fullName(), stay.hireDate());
			}
		}
		List<Long> known = jdbc.sql("SELECT staff_id FROM people_person WHERE active = TRUE").query(Long.class).list();
		for (Long id : known) {
			if (!current.contains(id)) {
				jdbc.sql("UPDATE people_person SET active = FALSE WHERE staff_id = :id").param("id", id).update();
			}
		}
		return current.size();
	}

	/**
	 * Adds a person or brings their row up to date (active again), in one statement that takes the row's lock, so
	 * that the start-up refresh and an event's delivery writing the same person never fail on each other.
	 */
	@Transactional
	public void put(long staffId, long unitId, JobRole jobRole, String fullName, LocalDate hireDate) {
		jdbc.sql(database.postgres() ? UPSERT_POSTGRES : UPSERT_H2)
			.param("unit", unitId).param("role", jobRole.name()).param("name", fullName).param("hired", hireDate)
			.param("staff", staffId)
			.update();
	}

	private static final String UPSERT_POSTGRES = """
			INSERT INTO people_person (staff_id, unit_id, job_role, full_name, hire_date, active)
			VALUES (:staff, :unit, :role, :name, :hired, TRUE)
			ON CONFLICT (staff_id) DO UPDATE SET unit_id = EXCLUDED.unit_id, job_role = EXCLUDED.job_role,
			    full_name = EXCLUDED.full_name, hire_date = EXCLUDED.hire_date, active = TRUE""";

	private static final String UPSERT_H2 = """
			MERGE INTO people_person p USING (SELECT CAST(:staff AS BIGINT) AS staff_id, CAST(:unit AS BIGINT) AS unit_id,
			    CAST(:role AS VARCHAR(32)) AS job_role, CAST(:name AS VARCHAR(200)) AS full_name,
			    CAST(:hired AS DATE) AS hire_date) d
			ON (p.staff_id = d.staff_id)
			WHEN MATCHED THEN UPDATE SET unit_id = d.unit_id, job_role = d.job_role, full_name = d.full_name,
			    hire_date = d.hire_date, active = TRUE
			WHEN NOT MATCHED THEN INSERT (staff_id, unit_id, job_role, full_name, hire_date, active)
			    VALUES (d.staff_id, d.unit_id, d.job_role, d.full_name, d.hire_date, TRUE)""";

	@ApplicationModuleListener
	void on(StaffMoved moved) {
		jdbc.sql("UPDATE people_person SET unit_id = :unit WHERE staff_id = :staff")
			.param("unit", moved.to().value()).param("staff", moved.staff().value()).update();
	}

	/** A new job role: the person's row takes it (and the unit they are in), so gaps follow the new role's needs. */
	@ApplicationModuleListener
	void on(StaffRoleChanged changed) {
		jdbc.sql("UPDATE people_person SET job_role = :role, unit_id = :unit WHERE staff_id = :staff")
			.param("role", changed.to().name()).param("unit", changed.unit().value())
			.param("staff", changed.staff().value()).update();
	}

	@ApplicationModuleListener
	void on(StaffLeft left) {
		jdbc.sql("UPDATE people_person SET active = FALSE WHERE staff_id = :staff")
			.param("staff", left.staff().value()).update();
	}
}
