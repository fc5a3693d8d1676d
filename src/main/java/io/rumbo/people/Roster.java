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

/**
 * The people of the sales organisation as this module keeps them ({@code people_person}: unit, job role, name, hire
 * date, active), so that the gap report and the lists join and scope in SQL over this module's own tables. Kept in
 * step by the organization module's events (moved, left; hired in {@code Onboarding}), and refreshed whole from the
 * organization module's API at start-up and before the demo is loaded (a change of job role publishes no event).
 */
@Service
public class Roster {

	private final JdbcClient jdbc;
	private final OrgDirectory org;
	private final Clock clock;

	Roster(JdbcClient jdbc, OrgDirectory org, Clock clock) {
		this.jdbc = jdbc;
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

	/** Adds a person or brings their row up to date (active again). */
	@Transactional
	public void put(long staffId, long unitId, JobRole jobRole, String fullName, LocalDate hireDate) {
		int updated = jdbc.sql("""
				UPDATE people_person SET unit_id = :unit, job_role = :role, full_name = :name, hire_date = :hired,
				       active = TRUE
				WHERE staff_id = :staff""")
			.param("unit", unitId).param("role", jobRole.name()).param("name", fullName).param("hired", hireDate)
			.param("staff", staffId)
			.update();
		if (updated == 0) {
			try {
				jdbc.sql("""
						INSERT INTO people_person (staff_id, unit_id, job_role, full_name, hire_date, active)
						VALUES (:staff, :unit, :role, :name, :hired, TRUE)""")
					.param("unit", unitId).param("role", jobRole.name()).param("name", fullName)
					.param("hired", hireDate).param("staff", staffId)
					.update();
			}
			catch (org.springframework.dao.DuplicateKeyException raced) {
				// Another delivery added the same person meanwhile: theirs is as good as ours.
			}
		}
	}

	@ApplicationModuleListener
	void on(StaffMoved moved) {
		jdbc.sql("UPDATE people_person SET unit_id = :unit WHERE staff_id = :staff")
			.param("unit", moved.to().value()).param("staff", moved.staff().value()).update();
	}

	@ApplicationModuleListener
	void on(StaffLeft left) {
		jdbc.sql("UPDATE people_person SET active = FALSE WHERE staff_id = :staff")
			.param("staff", left.staff().value()).update();
	}
}
