package io.rumbo.sales.demo;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.customers.CustomerManagement;
import io.rumbo.customers.CustomerStatus;
import io.rumbo.customers.CustomerView;
import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.UserManagement;
import io.rumbo.sales.ActivityType;
import io.rumbo.shared.DemoMode;
import io.rumbo.shared.web.ListQuery;

/**
 * Three months of visits and other activities for each demo salesperson (three or four a week on their own
 * accounts, mostly done with an outcome) and the coming two weeks planned, written with batched inserts.
 */
@Component
@Order(70)
class DemoActivities implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoActivities.class);
	private static final ActivityType[] TYPES = { ActivityType.VISIT, ActivityType.VISIT, ActivityType.CALL,
			ActivityType.MEETING, ActivityType.EMAIL, ActivityType.DEMO };
	private static final String[] OUTCOMES = { "Pedido previsto para el mes próximo", "Pide presupuesto",
			"Interesado en la nueva gama", "Sin interés por ahora", "Reclamación resuelta", "Renovación confirmada" };

	private final DemoMode demo;
	private final UserManagement users;
	private final CustomerManagement customers;
	private final JdbcClient jdbc;
	private final JdbcTemplate batch;
	private final Clock clock;

	DemoActivities(DemoMode demo, UserManagement users, CustomerManagement customers, JdbcClient jdbc,
			JdbcTemplate batch, Clock clock) {
		this.demo = demo;
		this.users = users;
		this.customers = customers;
		this.jdbc = jdbc;
		this.batch = batch;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		CurrentUser admin = users.actAs("admin").orElse(null);
		if (!demo.enabled() || admin == null
				|| jdbc.sql("SELECT COUNT(*) FROM sales_activity").query(Long.class).single() > 0) {
			return;
		}
		List<CustomerView> accounts = customers.list(admin, new CustomerManagement.Filter(null, null, null, null, null,
				null, false), ListQuery.of(0, 1, List.of("legalName"), CustomerManagement.SORTS, "legalName").unpaged())
			.content()
			.stream()
			.filter(c -> c.ownerStaffId() != null && c.status() != CustomerStatus.LOST)
			.toList();
		java.util.Map<Long, List<CustomerView>> byOwner = new java.util.HashMap<>();
		accounts.forEach(a -> byOwner.computeIfAbsent(a.ownerStaffId(), k -> new ArrayList<>()).add(a));
		Random random = new Random(11L);
		LocalDate today = LocalDate.now(clock);
		LocalDate start = today.minusWeeks(13).with(DayOfWeek.MONDAY);
		List<Object[]> rows = new ArrayList<>();
		byOwner.forEach((owner, own) -> {
			for (LocalDate monday = start; monday.isBefore(today.plusWeeks(2)); monday = monday.plusWeeks(1)) {
				int count = 3 + random.nextInt(2);
				for (int i = 0; i < count; i++) {
					CustomerView account = own.get(random.nextInt(own.size()));
					LocalDate day = monday.plusDays(random.nextInt(5));
					boolean done = day.isBefore(today) && random.nextInt(10) > 0;
					ActivityType type = TYPES[random.nextInt(TYPES.length)];
					rows.add(new Object[] { account.id(), type.name(), owner, account.unitId(), day, done ? day : null,
							type == ActivityType.EMAIL ? 10 : 30 + 15 * random.nextInt(6),
							done ? OUTCOMES[random.nextInt(OUTCOMES.length)] : null,
							done && random.nextBoolean() ? "Enviar oferta" : null });
				}
			}
		});
		batch.batchUpdate("""
				INSERT INTO sales_activity (customer_id, activity_type, owner_staff_id, owner_unit_id, planned_on, done_on,
				  duration_minutes, outcome, next_step, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""", rows);
		log.info("Loaded the demo activities: {}", rows.size());
	}
}
