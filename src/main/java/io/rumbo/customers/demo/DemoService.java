package io.rumbo.customers.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.customers.CasePriority;
import io.rumbo.customers.CustomerManagement;
import io.rumbo.customers.CustomerSalesHistory;
import io.rumbo.customers.CustomerStatus;
import io.rumbo.customers.CustomerView;
import io.rumbo.customers.OwnershipPeriod;
import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.UserManagement;
import io.rumbo.shared.DemoMode;
import io.rumbo.shared.web.ListQuery;

/**
 * Two years of service cases for the demo company (about one account in three has had one; recent ones still open)
 * and satisfaction ratings after most resolved cases and after some orders. Runs after the demo orders, which some
 * cases refer to, and attributes each case and rating to the account owner of the day.
 */
@Component
@Order(80)
class DemoService implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoService.class);

	private static final String[][] SUBJECTS = { { "DELIVERY", "Entrega incompleta" }, { "DELIVERY", "Retraso en la entrega" },
			{ "QUALITY", "Producto defectuoso" }, { "QUALITY", "Embalaje dañado" }, { "BILLING", "Error en la factura" },
			{ "BILLING", "Descuento no aplicado" }, { "TECHNICAL", "Ayuda con la instalación" },
			{ "TECHNICAL", "Consulta sobre compatibilidad" }, { "RETURN", "Solicitud de devolución" },
			{ "OTHER", "Cambio de dirección de envío" } };

	private static final String[] COMMENTS = { "Muy buena atención", "Resuelto rápido", "Tardaron demasiado",
			"Correcto", "Esperábamos más seguimiento", null, null };

	private final DemoMode demo;
	private final UserManagement users;
	private final CustomerManagement customers;
	private final ObjectProvider<CustomerSalesHistory> sales;
	private final JdbcClient jdbc;
	private final JdbcTemplate batch;
	private final Clock clock;

	DemoService(DemoMode demo, UserManagement users, CustomerManagement customers,
			ObjectProvider<CustomerSalesHistory> sales, JdbcClient jdbc, JdbcTemplate batch, Clock clock) {
		this.demo = demo;
		this.users = users;
		this.customers = customers;
		this.sales = sales;
		this.jdbc = jdbc;
		this.batch = batch;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		CurrentUser admin = users.actAs("admin").orElse(null);
		CustomerSalesHistory history = sales.getIfAvailable();
		if (!demo.enabled() || admin == null || history == null
				|| jdbc.sql("SELECT COUNT(*) FROM customer_service_case").query(Long.class).single() > 0) {
			return;
		}
		List<CustomerView> accounts = customers.list(admin, new CustomerManagement.Filter(null, null, null, null, null,
				null, false), ListQuery.of(0, 1, List.of("legalName"), CustomerManagement.SORTS, "legalName").unpaged())
			.content()
			.stream()
			.filter(c -> c.ownerStaffId() != null && c.status() != CustomerStatus.PROSPECT)
			.toList();
		Random random = new Random(23L);
		LocalDate today = LocalDate.now(clock);
		long caseSeq = 0;
		List<Object[]> cases = new ArrayList<>();
		List<Object[]> ratings = new ArrayList<>();
		for (CustomerView account : accounts) {
			if (random.nextInt(3) != 0) {
				continue;
			}
			CustomerSalesHistory.Facts facts = history.of(account.id());
			List<OwnershipPeriod> owners = customers.ownership(admin, account.id());
			int count = 1 + random.nextInt(3);
			for (int i = 0; i < count; i++) {
				String[] subject = SUBJECTS[random.nextInt(SUBJECTS.length)];
				LocalDate opened = today.minusDays(3 + random.nextInt(700));
				CustomerSalesHistory.RecentOrder order = facts.recent().isEmpty() || random.nextBoolean() ? null
						: facts.recent().get(random.nextInt(facts.recent().size()));
				if (order != null && order.orderDate().isAfter(opened)) {
					opened = order.orderDate().plusDays(2 + random.nextInt(20));
					if (opened.isAfter(today)) {
						opened = today;
					}
				}
				int days = random.nextInt(10) == 0 ? 15 + random.nextInt(30) : random.nextInt(8);
				LocalDate resolved = opened.plusDays(days).isBefore(today) && random.nextInt(12) > 0 ? opened.plusDays(days)
						: null;
				OwnershipPeriod owner = ownerOn(owners, opened, account);
				caseSeq++;
				String external = String.format("DEMO-CASE-%05d", caseSeq);
				cases.add(new Object[] { external, account.id(), order == null ? null : order.id(),
						order == null ? null : order.orderNumber(), subject[1], subject[0],
						CasePriority.values()[random.nextInt(4)].name(), opened, resolved,
						resolved == null ? null : days, resolved == null ? null : "Resuelto con el cliente",
						owner.ownerStaffId(), owner.unitId() });
				if (resolved != null && random.nextInt(10) < 7) {
					int csat = days > 10 ? 1 + random.nextInt(3) : 3 + random.nextInt(3);
					Integer nps = random.nextBoolean() ? Math.min(10, csat * 2 + random.nextInt(2)) : null;
					ratings.add(new Object[] { external, account.id(), resolved, csat, nps,
							COMMENTS[random.nextInt(COMMENTS.length)], owner.ownerStaffId(), owner.unitId() });
				}
			}
		}
		batch.batchUpdate("""
				INSERT INTO customer_service_case (external_id, customer_id, order_id, order_number, subject, category,
				  priority, opened_on, resolved_on, resolution_days, resolution, staff_id, unit_id, version)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""", cases);
		jdbc.sql("""
				UPDATE customer_service_case SET case_number = CONCAT('CAS-', CAST(EXTRACT(YEAR FROM opened_on) AS INT),
				  '-', LPAD(CAST(id AS VARCHAR(12)), 6, '0')) WHERE case_number IS NULL""").update();
		java.util.Map<String, Long> ids = new java.util.HashMap<>();
		jdbc.sql("SELECT external_id, id FROM customer_service_case WHERE external_id LIKE 'DEMO-CASE-%'")
			.query(rs -> {
				ids.put(rs.getString(1), rs.getLong(2));
			});
		batch.batchUpdate("""
				INSERT INTO customer_satisfaction (case_id, customer_id, rated_on, csat, nps, comment, staff_id, unit_id)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
				ratings.stream().map(r -> new Object[] { ids.get((String) r[0]), r[1], r[2], r[3], r[4], r[5], r[6], r[7] })
					.toList());
		log.info("Loaded the demo service cases and ratings: {} cases, {} ratings", cases.size(), ratings.size());
	}

	private static OwnershipPeriod ownerOn(List<OwnershipPeriod> periods, LocalDate date, CustomerView account) {
		return OwnershipPeriod.on(periods, date)
			.orElse(new OwnershipPeriod(account.ownerStaffId(), account.unitId(), date, null));
	}
}
