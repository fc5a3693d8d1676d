package io.rumbo.sales.demo;

import java.math.BigDecimal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.catalog.CostHistory;
import io.rumbo.catalog.ProductCatalog;
import io.rumbo.catalog.ProductView;
import io.rumbo.customers.CustomerManagement;
import io.rumbo.customers.CustomerStatus;
import io.rumbo.customers.CustomerView;
import io.rumbo.customers.OwnershipPeriod;
import io.rumbo.identity.AuditTrail;
import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.UserManagement;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.sales.OrderLines;
import io.rumbo.sales.domain.OrderCredit;
import io.rumbo.sales.domain.OrderLine;
import io.rumbo.sales.domain.OrderStore;
import io.rumbo.sales.domain.SalesOrder;
import io.rumbo.shared.DemoMode;
import io.rumbo.shared.money.Amounts;
import io.rumbo.shared.web.ListQuery;

/**
 * Two years of orders for the demo company (about 20,000 lines): order frequency follows each account's potential,
 * with a seasonal dip in August and peaks before Christmas and in March; some orders are split between two people,
 * some are returns. Written by the same {@link OrderStore} as every order (batched inserts), priced by the same
 * {@link OrderLines} rules, and credited to whoever owned the account on the order date.
 */
@Component
@Order(50)
class DemoOrders implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoOrders.class);
	private static final double[] SEASON = { 0.9, 1.0, 1.25, 1.0, 1.05, 1.0, 0.85, 0.45, 1.0, 1.1, 1.3, 1.2 };
	private static final BigDecimal[] DISCOUNTS = { BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("5"),
			new BigDecimal("10"), new BigDecimal("15") };

	private final DemoMode demo;
	private final UserManagement users;
	private final CustomerManagement customers;
	private final ProductCatalog catalog;
	private final OrgDirectory org;
	private final AuditTrail audit;
	private final JdbcClient jdbc;
	private final OrderStore store;
	private final Clock clock;

	DemoOrders(DemoMode demo, UserManagement users, CustomerManagement customers, ProductCatalog catalog,
			OrgDirectory org, AuditTrail audit, JdbcClient jdbc, OrderStore store, Clock clock) {
		this.demo = demo;
		this.users = users;
		this.customers = customers;
		this.catalog = catalog;
		this.org = org;
		this.audit = audit;
		this.jdbc = jdbc;
		this.store = store;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		CurrentUser admin = users.actAs("admin").orElse(null);
		if (!demo.enabled() || admin == null
				|| jdbc.sql("SELECT COUNT(*) FROM sales_order").query(Long.class).single() > 0) {
			return;
		}
		List<CustomerView> accounts = customers.list(admin, new CustomerManagement.Filter(null, null, null, null, null,
				null, false), ListQuery.of(0, 1, List.of("legalName"), CustomerManagement.SORTS, "legalName").unpaged())
			.content();
		if (accounts.isEmpty()) {
			return;
		}
		List<ProductView> products = catalog.activeProducts();
		Map<Long, CostHistory> costs = catalog.costHistories(products.stream().map(ProductView::id).toList());
		Map<Long, List<Long>> colleagues = new HashMap<>();
		accounts.forEach(a -> {
			if (a.ownerStaffId() != null) {
				List<Long> list = colleagues.computeIfAbsent(a.unitId(), k -> new ArrayList<>());
				if (!list.contains(a.ownerStaffId())) {
					list.add(a.ownerStaffId());
				}
			}
		});
		Random random = new Random(7L);
		LocalDate today = LocalDate.now(clock);
		LocalDate start = today.minusMonths(24).withDayOfMonth(1);
		int orders = 0;
		int lines = 0;
		List<SalesOrder> batch = new ArrayList<>();
		for (CustomerView account : accounts) {
			if (account.status() == CustomerStatus.PROSPECT || account.ownerStaffId() == null) {
				continue;
			}
			List<OwnershipPeriod> owners = customers.ownership(admin, account.id());
			double perMonth = switch (account.potentialClass()) {
				case A -> 1.2;
				case B -> 0.6;
				case C -> 0.25;
			};
			LocalDate stop = account.status() == CustomerStatus.DORMANT ? today.minusMonths(9) : today;
			for (LocalDate month = start; month.isBefore(stop); month = month.plusMonths(1)) {
				double expected = perMonth * SEASON[month.getMonthValue() - 1];
				int count = (int) expected + (random.nextDouble() < expected - (int) expected ? 1 : 0);
				for (int o = 0; o < count; o++) {
					LocalDate date = month.plusDays(random.nextInt(month.lengthOfMonth()));
					if (date.isAfter(today)) {
						continue;
					}
					Long owner = ownerOn(owners, date);
					if (owner == null) {
						continue;
					}
					boolean isReturn = random.nextInt(50) == 0;
					int lineCount = isReturn ? 1 : 1 + random.nextInt(5);
					List<OrderLine> orderLines = new ArrayList<>();
					for (int l = 0; l < lineCount; l++) {
						ProductView product = products.get(random.nextInt(products.size()));
						BigDecimal quantity = BigDecimal.valueOf((1 + random.nextInt(product.listPrice().intValue() > 200 ? 4 : 30))
								* (isReturn ? -1 : 1));
						BigDecimal discount = DISCOUNTS[random.nextInt(DISCOUNTS.length)];
						BigDecimal cost = costs.get(product.id()).costOn(date).orElse(null);
						orderLines.add(new OrderLine(l + 1, product.id(),
								OrderLines.price(quantity, product.listPrice(), discount, cost)));
					}
					List<Long> unitColleagues = colleagues.getOrDefault(account.unitId(), List.of());
					Long partner = random.nextInt(20) == 0 ? unitColleagues.stream()
						.filter(c -> !c.equals(owner))
						.findFirst()
						.orElse(null) : null;
					List<OrderCredit> credits = partner == null
							? List.of(new OrderCredit(owner, account.unitId(), Amounts.HUNDRED))
							: List.of(new OrderCredit(owner, account.unitId(), new BigDecimal("60")),
									new OrderCredit(partner, account.unitId(), new BigDecimal("40")));
					batch.add(SalesOrder.book(new SalesOrder.Content(account.id(), date, null,
							isReturn ? "Devolución / return" : null, orderLines, credits)));
					orders++;
					lines += orderLines.size();
				}
			}
			if (batch.size() > 500) {
				store.insert(batch, OrderStore.Progress.NONE);
				batch.clear();
			}
		}
		store.insert(batch, OrderStore.Progress.NONE);
		audit.record("ORDER", "demo", "DEMO_LOAD", null, Map.of("orders", orders, "lines", lines),
				"demo orders: " + orders);
		log.info("Loaded the demo orders: {} orders with {} lines", orders, lines);
	}

	private static Long ownerOn(List<OwnershipPeriod> periods, LocalDate date) {
		return OwnershipPeriod.on(periods, date)
			.map(OwnershipPeriod::ownerStaffId)
			.orElse(periods.isEmpty() ? null : periods.get(periods.size() - 1).ownerStaffId());
	}
}
