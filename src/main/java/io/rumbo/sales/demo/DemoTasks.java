package io.rumbo.sales.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.identity.UserManagement;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.shared.DemoMode;

/**
 * Tasks the demo managers have given: two or three per salesperson (some done, some overdue, some coming) and one
 * per team, written with batched inserts.
 */
@Component
@Order(75)
class DemoTasks implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoTasks.class);

	private static final String[] PERSONAL = { "Llamar a los clientes dormidos de clase A", "Preparar la revisión de cuentas clave",
			"Actualizar la previsión del trimestre", "Enviar ofertas de la nueva gama", "Visitar a los tres mayores clientes" };

	private static final String[] TEAM = { "Cerrar las oportunidades en negociación", "Revisar precios con descuento",
			"Completar las fichas de contacto" };

	private final DemoMode demo;
	private final UserManagement users;
	private final OrgDirectory org;
	private final io.rumbo.organization.DataScopes scopes;
	private final JdbcClient jdbc;
	private final JdbcTemplate batch;
	private final Clock clock;

	DemoTasks(DemoMode demo, UserManagement users, OrgDirectory org, io.rumbo.organization.DataScopes scopes,
			JdbcClient jdbc, JdbcTemplate batch, Clock clock) {
		this.scopes = scopes;
		this.demo = demo;
		this.users = users;
		this.org = org;
		this.jdbc = jdbc;
		this.batch = batch;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (!demo.enabled() || users.actAs("manager").isEmpty()
				|| jdbc.sql("SELECT COUNT(*) FROM sales_task").query(Long.class).single() > 0) {
			return;
		}
		// Javier Moreno (user "manager") gives the tasks of Región Centro; the director those of the other regions.
		io.rumbo.organization.DataScope centro = scopes.of(users.actAs("manager").orElseThrow());
		Random random = new Random(5L);
		LocalDate today = LocalDate.now(clock);
		List<Object[]> rows = new ArrayList<>();
		Set<Long> teams = new HashSet<>();
		org.staffByNumber().values().stream().filter(OrgDirectory.StaffSummary::active).sorted(
				java.util.Comparator.comparingLong(OrgDirectory.StaffSummary::id)).forEach(person -> {
					teams.add(person.unitId());
					int count = 2 + random.nextInt(2);
					for (int i = 0; i < count; i++) {
						LocalDate assigned = today.minusDays(5 + random.nextInt(40));
						LocalDate due = assigned.plusDays(7 + random.nextInt(30));
						boolean done = due.isBefore(today) ? random.nextInt(4) > 0 : random.nextInt(4) == 0;
						LocalDate completed = done ? (due.isBefore(today) ? due.minusDays(random.nextInt(3)) : today) : null;
						rows.add(new Object[] { PERSONAL[random.nextInt(PERSONAL.length)], person.id(), person.unitId(), false,
								due, centro.managesUnit(person.unitId()) ? "manager" : "director", assigned, completed, null });
					}
				});
		for (Long team : teams) {
			LocalDate assigned = today.minusDays(3 + random.nextInt(10));
			rows.add(new Object[] { TEAM[random.nextInt(TEAM.length)], null, team, true, assigned.plusDays(14),
					centro.managesUnit(team) ? "manager" : "director", assigned, null, null });
		}
		batch.batchUpdate("""
				INSERT INTO sales_task (title, assignee_staff_id, assignee_unit_id, team_task, due_on, assigned_by,
				  assigned_on, completed_on, completed_by, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""", rows);
		log.info("Loaded the demo tasks: {}", rows.size());
	}
}
