package io.rumbo.sales;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.UserManagement;
import io.rumbo.organization.StaffId;
import io.rumbo.organization.UnitId;
import io.rumbo.support.RumboIntegrationTest;

/**
 * Giving a task announces it (notifications tell the assignee): on creation, and when an edit gives the open task to
 * someone else; an edit that keeps the assignee announces nothing.
 */
@RumboIntegrationTest
@RecordApplicationEvents
class TaskAssignedTests {

	@Autowired
	TaskManagement tasks;

	@Autowired
	UserManagement users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Autowired
	ApplicationEvents events;

	@Test
	void givingATaskToSomeoneAnnouncesItOnceForEachAssignee() {
		CurrentUser manager = users.actAs("manager").orElseThrow();
		long lucia = jdbc.sql("SELECT id FROM org_staff WHERE last_name = 'García Martín'").query(Long.class).single();
		long other = jdbc.sql("""
				SELECT MIN(s.id) FROM org_staff s JOIN org_staff l ON l.unit_id = s.unit_id
				WHERE l.id = :lucia AND s.id <> :lucia AND s.archived = FALSE AND s.status = 'ACTIVE'""")
			.param("lucia", lucia)
			.query(Long.class)
			.single();
		LocalDate due = LocalDate.now(clock).plusDays(5);
		TaskView task = tasks.create(manager,
				new TaskManagement.TaskDetails("Preparar la visita", null, lucia, null, null, due));
		assertThat(events.stream(TaskAssigned.class)).containsExactly(new TaskAssigned(TaskId.of(task.id()),
				StaffId.of(lucia), UnitId.of(task.assigneeUnitId()), false, "Preparar la visita", due, "manager"));

		task = tasks.update(manager, task.id(), task.version(),
				new TaskManagement.TaskDetails("Preparar la visita bien", null, lucia, null, null, due));
		assertThat(events.stream(TaskAssigned.class)).as("same assignee: nothing new").hasSize(1);

		task = tasks.update(manager, task.id(), task.version(),
				new TaskManagement.TaskDetails("Preparar la visita bien", null, other, null, null, due));
		assertThat(events.stream(TaskAssigned.class)).hasSize(2).last()
			.satisfies(e -> assertThat(e.assignee()).isEqualTo(StaffId.of(other)));
	}
}
