package io.rumbo.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.transaction.support.TransactionTemplate;

import io.rumbo.customers.CustomerId;
import io.rumbo.customers.RatingId;
import io.rumbo.customers.SatisfactionRated;
import io.rumbo.customers.ServiceCaseId;
import io.rumbo.customers.ServiceCaseReopened;
import io.rumbo.customers.ServiceCaseResolutionChanged;
import io.rumbo.customers.ServiceCaseResolved;
import io.rumbo.organization.StaffId;
import io.rumbo.organization.UnitId;
import io.rumbo.sales.ActivityChanged;
import io.rumbo.sales.ActivityDone;
import io.rumbo.sales.ActivityId;
import io.rumbo.sales.ActivityType;
import io.rumbo.sales.OpportunityChanged;
import io.rumbo.sales.OpportunityCreated;
import io.rumbo.sales.OpportunityId;
import io.rumbo.sales.OpportunityLost;
import io.rumbo.sales.OpportunityWon;
import io.rumbo.sales.OrderBooked;
import io.rumbo.sales.OrderCancelled;
import io.rumbo.sales.OrderChanged;
import io.rumbo.sales.OrderFacts;
import io.rumbo.sales.OrderId;
import io.rumbo.sales.OrderReturned;
import io.rumbo.sales.TaskChanged;
import io.rumbo.sales.TaskCompleted;
import io.rumbo.sales.TaskId;
import io.rumbo.sales.TaskReopened;

/**
 * Random sales and after-sales records in the first half of {@link #YEAR} (long before any other test's records, so
 * they are alone there), written straight into the records' tables, each with the event its module publishes for
 * the change, in the same transaction as the change (as the modules do): orders with split credits, returns,
 * cancellations and corrections to another month and person, activities (some edited afterwards to another type or
 * owner), opportunities created, won, lost and open (some edited afterwards: amount, owner, close date), tasks done
 * (on time or late, personal and team; some reassigned or given another due date afterwards) and reopened, cases
 * resolved (some corrected afterwards to another date and owner) and reopened, ratings. Every record is marked
 * ({@code T-METRICS}) so that {@link #remove()} takes them all away.
 */
class MetricsTestData {

	static final int YEAR = 2003;

	static final String MARK = "T-METRICS";

	record Person(long staff, long unit) {
	}

	private final JdbcClient jdbc;
	private final TransactionTemplate tx;
	private final ApplicationEventPublisher events;
	private final Random random;
	final List<Person> people;
	final List<Long> customers;
	final List<Long> products;
	final List<Object> published = new ArrayList<>();

	/** Records of these people (six or more), for these customers, of these products (one per product line). */
	MetricsTestData(JdbcClient jdbc, TransactionTemplate tx, ApplicationEventPublisher events, long seed,
			List<Person> people, List<Long> customers, List<Long> products) {
		this.jdbc = jdbc;
		this.tx = tx;
		this.events = events;
		this.random = new Random(seed);
		this.people = List.copyOf(people);
		this.customers = List.copyOf(customers);
		this.products = List.copyOf(products);
	}

	LocalDate day() {
		return LocalDate.of(YEAR, 1 + random.nextInt(6), 1 + random.nextInt(28));
	}

	private <T> T any(List<T> list) {
		return list.get(random.nextInt(list.size()));
	}

	/** Publishes in the transaction that writes, so the listeners run after it commits. */
	private void write(Runnable change, Object... announced) {
		tx.executeWithoutResult(s -> {
			change.run();
			for (Object e : announced) {
				events.publishEvent(e);
				published.add(e);
			}
		});
	}

	/** Publishes every event again, as the registry does when it re-runs publications after a restart. */
	void redeliverAll() {
		tx.executeWithoutResult(s -> published.forEach(events::publishEvent));
	}

	void generate(int orders) {
		for (int i = 0; i < orders; i++) {
			order(i);
		}
		for (int i = 0; i < 30; i++) {
			activity();
		}
		for (int i = 0; i < 16; i++) {
			opportunity(i);
		}
		for (int i = 0; i < 20; i++) {
			task(i);
		}
		for (int i = 0; i < 14; i++) {
			serviceCase(i);
		}
		for (int i = 0; i < 18; i++) {
			rating();
		}
	}

	private void order(int i) {
		long customer = any(customers);
		LocalDate date = day();
		boolean isReturn = random.nextInt(8) == 0;
		int lines = 1 + random.nextInt(3);
		List<OrderFacts.Credit> credits = credits();
		BigDecimal[] totals = { BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO };
		long[] id = new long[1];
		write(() -> {
			id[0] = insert("INSERT INTO sales_order (order_number, customer_id, order_date, status, net_amount,"
					+ " cost_amount, margin_amount, units, version) VALUES ('" + MARK + "-" + i + "', " + customer
					+ ", DATE '" + date + "', 'BOOKED', 0, 0, 0, 0, 0)");
			for (int n = 1; n <= lines; n++) {
				BigDecimal qty = BigDecimal.valueOf((1 + random.nextInt(5)) * (isReturn ? -1 : 1));
				BigDecimal net = qty.multiply(BigDecimal.valueOf(1000 + random.nextInt(90000), 2));
				BigDecimal cost = net.multiply(new BigDecimal("0.6")).setScale(4, RoundingMode.HALF_UP);
				jdbc.sql("INSERT INTO sales_order_line (order_id, line_no, product_id, quantity, unit_price,"
						+ " discount_percent, unit_cost, net_amount, cost_amount, margin_amount) VALUES (:o, :n, :p, :q,"
						+ " 0, 0, 0, :net, :cost, :margin)")
					.param("o", id[0]).param("n", n).param("p", any(products)).param("q", qty).param("net", net)
					.param("cost", cost).param("margin", net.subtract(cost)).update();
				totals[0] = totals[0].add(net);
				totals[1] = totals[1].add(cost);
				totals[2] = totals[2].add(net.subtract(cost));
				totals[3] = totals[3].add(qty);
			}
			credit(id[0], credits);
			jdbc.sql("UPDATE sales_order SET net_amount = :n, cost_amount = :c, margin_amount = :m, units = :u"
					+ " WHERE id = :id").param("n", totals[0]).param("c", totals[1]).param("m", totals[2])
				.param("u", totals[3]).param("id", id[0]).update();
		});
		OrderFacts facts = new OrderFacts(CustomerId.of(customer), date, credits, totals[0], totals[3], totals[2]);
		String number = MARK + "-" + i;
		write(() -> {
		}, isReturn ? new OrderReturned(OrderId.of(id[0]), number, facts)
				: new OrderBooked(OrderId.of(id[0]), number, facts));
		int fate = random.nextInt(6);
		if (fate == 0) {
			write(() -> jdbc.sql("UPDATE sales_order SET status = 'CANCELLED' WHERE id = :id").param("id", id[0]).update(),
					new OrderCancelled(OrderId.of(id[0]), number, facts));
		}
		else if (fate == 1) {
			// Corrected: another date (maybe another month) and other people credited.
			LocalDate moved = day();
			List<OrderFacts.Credit> others = credits();
			OrderFacts after = new OrderFacts(CustomerId.of(customer), moved, others, totals[0], totals[3], totals[2]);
			write(() -> {
				jdbc.sql("UPDATE sales_order SET order_date = :d WHERE id = :id").param("d", moved).param("id", id[0])
					.update();
				jdbc.sql("DELETE FROM sales_order_credit WHERE order_id = :id").param("id", id[0]).update();
				credit(id[0], others);
			}, new OrderChanged(OrderId.of(id[0]), number, facts, after));
		}
	}

	private void activity() {
		Person p = any(people);
		ActivityType type = any(List.of(ActivityType.values()));
		LocalDate done = day();
		long customer = any(customers);
		long id = insert("INSERT INTO sales_activity (customer_id, activity_type, owner_staff_id, owner_unit_id,"
				+ " planned_on, done_on, outcome, version) VALUES (" + customer + ", '" + type + "', " + p.staff() + ", "
				+ p.unit() + ", DATE '" + done + "', DATE '" + done + "', '" + MARK + "', 0)");
		write(() -> {
		}, new ActivityDone(ActivityId.of(id), type, CustomerId.of(customer), StaffId.of(p.staff()), UnitId.of(p.unit()),
				done));
		if (random.nextInt(3) == 0) {
			// Edited once done: another type, another owner (in the owner's unit of the day), or both.
			ActivityType otherType = any(List.of(ActivityType.values()));
			Person other = random.nextBoolean() ? p : any(people);
			write(() -> jdbc.sql("UPDATE sales_activity SET activity_type = :t, owner_staff_id = :s, owner_unit_id = :u"
					+ " WHERE id = :id").param("t", otherType.name()).param("s", other.staff()).param("u", other.unit())
				.param("id", id).update(),
					new ActivityChanged(ActivityId.of(id),
							new ActivityChanged.Facts(type, StaffId.of(p.staff()), UnitId.of(p.unit()), done),
							new ActivityChanged.Facts(otherType, StaffId.of(other.staff()), UnitId.of(other.unit()), done)));
		}
	}

	/** One person (100 %) or two sharing 60/40 or 50/50; sometimes credited in another unit than today's. */
	private List<OrderFacts.Credit> credits() {
		Person first = any(people);
		long unit = random.nextInt(5) == 0 ? any(people).unit() : first.unit();
		if (random.nextBoolean()) {
			return List.of(new OrderFacts.Credit(StaffId.of(first.staff()), UnitId.of(unit), new BigDecimal("100")));
		}
		Person second = people.stream().filter(p -> p.staff() != first.staff()).toList().get(random.nextInt(5));
		String share = random.nextBoolean() ? "60" : "50";
		return List.of(new OrderFacts.Credit(StaffId.of(first.staff()), UnitId.of(unit), new BigDecimal(share)),
				new OrderFacts.Credit(StaffId.of(second.staff()), UnitId.of(second.unit()),
						new BigDecimal(100 - Integer.parseInt(share))));
	}

	private void credit(long order, List<OrderFacts.Credit> credits) {
		credits.forEach(c -> jdbc.sql("INSERT INTO sales_order_credit (order_id, staff_id, unit_id, share_percent)"
				+ " VALUES (:o, :s, :u, :p)").param("o", order).param("s", c.staffId().value())
			.param("u", c.unitId().value()).param("p", c.sharePercent()).update());
	}

	private void opportunity(int i) {
		Person p = any(people);
		LocalDate created = day();
		int fate = random.nextInt(3);
		String stage = fate == 0 ? "WON" : fate == 1 ? "LOST" : any(List.of("PROSPECTING", "PROPOSAL", "NEGOTIATION"));
		LocalDate close = fate == 2 ? LocalDate.of(YEAR, 4 + random.nextInt(3), 10) : day();
		BigDecimal amount = BigDecimal.valueOf(100000 + random.nextInt(900000), 2);
		long customer = any(customers);
		long id = insert("INSERT INTO sales_opportunity (customer_id, title, amount, expected_close, stage_code,"
				+ " forecast_category, owner_staff_id, owner_unit_id, version) VALUES (" + customer + ", '" + MARK
				+ "', " + amount + ", DATE '" + close + "', '" + stage + "', 'PIPELINE', " + p.staff() + ", " + p.unit()
				+ ", 0)");
		jdbc.sql("INSERT INTO sales_opportunity_stage_change (opportunity_id, stage_code, changed_on, changed_by)"
				+ " VALUES (:id, 'PROSPECTING', :on, :by)").param("id", id).param("on", created).param("by", MARK)
			.update();
		OpportunityId opp = OpportunityId.of(id);
		write(() -> {
		}, new OpportunityCreated(opp, CustomerId.of(customer), "PROSPECTING", amount, close, StaffId.of(p.staff()),
				UnitId.of(p.unit()), created));
		if (fate == 0) {
			write(() -> {
			}, new OpportunityWon(opp, CustomerId.of(customer), amount, StaffId.of(p.staff()), UnitId.of(p.unit()), close));
		}
		else if (fate == 1) {
			write(() -> {
			}, new OpportunityLost(opp, CustomerId.of(customer), amount, StaffId.of(p.staff()), UnitId.of(p.unit()), close,
					null));
		}
		if (random.nextBoolean()) {
			// Edited without a move: another amount, owner or close date (another month, for a closed one the day it
			// closed), some or all at once.
			BigDecimal otherAmount = random.nextBoolean() ? amount : BigDecimal.valueOf(100000 + random.nextInt(900000), 2);
			Person other = random.nextBoolean() ? p : any(people);
			LocalDate otherClose = random.nextBoolean() ? close
					: fate == 2 ? LocalDate.of(YEAR, 4 + random.nextInt(3), 1 + random.nextInt(28)) : day();
			write(() -> jdbc.sql("UPDATE sales_opportunity SET amount = :a, owner_staff_id = :s, owner_unit_id = :u,"
					+ " expected_close = :c WHERE id = :id").param("a", otherAmount).param("s", other.staff())
				.param("u", other.unit()).param("c", otherClose).param("id", id).update(),
					new OpportunityChanged(opp, CustomerId.of(customer), stage, created,
							new OpportunityChanged.Facts(amount, StaffId.of(p.staff()), UnitId.of(p.unit()), close),
							new OpportunityChanged.Facts(otherAmount, StaffId.of(other.staff()), UnitId.of(other.unit()),
									otherClose)));
		}
	}

	private void task(int i) {
		Person p = any(people);
		boolean team = i % 4 == 0;
		LocalDate due = day();
		LocalDate done = due.plusDays(random.nextInt(10) - 5);
		long id = insert("INSERT INTO sales_task (title, assignee_staff_id, assignee_unit_id, team_task, due_on,"
				+ " assigned_by, assigned_on, completed_on, completed_by, version) VALUES ('" + MARK + "', "
				+ (team ? "NULL" : p.staff()) + ", " + p.unit() + ", " + team + ", DATE '" + due + "', '" + MARK
				+ "', DATE '" + due + "', DATE '" + done + "', 'x', 0)");
		StaffId who = team ? null : StaffId.of(p.staff());
		write(() -> {
		}, new TaskCompleted(TaskId.of(id), who, UnitId.of(p.unit()), team, due, done, "x"));
		int fate = random.nextInt(5);
		if (fate == 0) {
			write(() -> jdbc.sql("UPDATE sales_task SET completed_on = NULL WHERE id = :id").param("id", id).update(),
					new TaskReopened(TaskId.of(id), who, UnitId.of(p.unit()), done, done.plusDays(1)));
		}
		else if (fate == 1) {
			// Edited once done: given to someone else or to a team, with another due date (now late, or on time).
			Person other = any(people);
			boolean otherTeam = random.nextInt(3) == 0;
			LocalDate otherDue = done.plusDays(random.nextInt(10) - 5);
			StaffId otherWho = otherTeam ? null : StaffId.of(other.staff());
			write(() -> jdbc.sql("UPDATE sales_task SET assignee_staff_id = :s, assignee_unit_id = :u, team_task = :t,"
					+ " due_on = :d WHERE id = :id").param("s", otherTeam ? null : other.staff()).param("u", other.unit())
				.param("t", otherTeam).param("d", otherDue).param("id", id).update(),
					new TaskChanged(TaskId.of(id), new TaskChanged.Facts(who, UnitId.of(p.unit()), due, done),
							new TaskChanged.Facts(otherWho, UnitId.of(other.unit()), otherDue, done)));
		}
	}

	private void serviceCase(int i) {
		Person p = any(people);
		boolean owned = i % 5 != 0;
		long customer = any(customers);
		LocalDate opened = day();
		int days = random.nextInt(12);
		LocalDate resolved = opened.plusDays(days);
		long id = insert("INSERT INTO customer_service_case (customer_id, subject, category, priority, opened_on,"
				+ " resolved_on, resolution_days, staff_id, unit_id, version) VALUES (" + customer + ", '" + MARK
				+ "', 'OTHER', 'LOW', DATE '" + opened + "', DATE '" + resolved + "', " + days + ", "
				+ (owned ? p.staff() : "NULL") + ", " + p.unit() + ", 0)");
		StaffId who = owned ? StaffId.of(p.staff()) : null;
		write(() -> {
		}, new ServiceCaseResolved(ServiceCaseId.of(id), CustomerId.of(customer), who, UnitId.of(p.unit()), opened,
				resolved, days));
		int fate = random.nextInt(6);
		if (fate == 0) {
			write(() -> jdbc.sql("UPDATE customer_service_case SET resolved_on = NULL, resolution_days = NULL"
					+ " WHERE id = :id").param("id", id).update(),
					new ServiceCaseReopened(ServiceCaseId.of(id), CustomerId.of(customer), who, UnitId.of(p.unit()),
							resolved));
		}
		else if (fate <= 2) {
			// Corrected: resolved on another day (often another month), and for another account (another owner).
			int otherDays = random.nextInt(60);
			LocalDate otherResolved = opened.plusDays(otherDays);
			Person other = any(people);
			boolean otherOwned = random.nextInt(4) != 0;
			long otherCustomer = any(customers);
			StaffId otherWho = otherOwned ? StaffId.of(other.staff()) : null;
			write(() -> jdbc.sql("UPDATE customer_service_case SET customer_id = :c, resolved_on = :r,"
					+ " resolution_days = :d, staff_id = :s, unit_id = :u WHERE id = :id").param("c", otherCustomer)
				.param("r", otherResolved).param("d", otherDays).param("s", otherOwned ? other.staff() : null)
				.param("u", other.unit()).param("id", id).update(),
					new ServiceCaseResolutionChanged(ServiceCaseId.of(id),
							new ServiceCaseResolutionChanged.Resolution(CustomerId.of(customer), who, UnitId.of(p.unit()),
									opened, resolved, days),
							new ServiceCaseResolutionChanged.Resolution(CustomerId.of(otherCustomer), otherWho,
									UnitId.of(other.unit()), opened, otherResolved, otherDays)));
		}
	}

	private void rating() {
		Person p = any(people);
		boolean owned = random.nextInt(5) != 0;
		long customer = any(customers);
		LocalDate on = day();
		int csat = 1 + random.nextInt(5);
		Integer nps = random.nextInt(4) == 0 ? null : random.nextInt(11);
		long id = insert("INSERT INTO customer_satisfaction (customer_id, rated_on, csat, nps, comment, staff_id,"
				+ " unit_id) VALUES (" + customer + ", DATE '" + on + "', " + csat + ", " + nps + ", '" + MARK + "', "
				+ (owned ? p.staff() : "NULL") + ", " + p.unit() + ")");
		write(() -> {
		}, new SatisfactionRated(RatingId.of(id), CustomerId.of(customer), owned ? StaffId.of(p.staff()) : null,
				UnitId.of(p.unit()), on, csat, nps, null));
	}

	private long insert(String sql) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql(sql).update(keys, "id");
		return keys.getKey().longValue();
	}

	/** Takes every record written here away again. */
	void remove() {
		String orders = "SELECT id FROM sales_order WHERE order_number LIKE '" + MARK + "-%'";
		jdbc.sql("DELETE FROM sales_order_credit WHERE order_id IN (" + orders + ")").update();
		jdbc.sql("DELETE FROM sales_order_line WHERE order_id IN (" + orders + ")").update();
		jdbc.sql("DELETE FROM sales_order WHERE order_number LIKE '" + MARK + "-%'").update();
		jdbc.sql("DELETE FROM sales_activity WHERE outcome = '" + MARK + "'").update();
		jdbc.sql("DELETE FROM sales_opportunity_stage_change WHERE changed_by = '" + MARK + "'").update();
		jdbc.sql("DELETE FROM sales_opportunity WHERE title = '" + MARK + "'").update();
		jdbc.sql("DELETE FROM sales_task WHERE title = '" + MARK + "'").update();
		jdbc.sql("DELETE FROM customer_satisfaction WHERE comment = '" + MARK + "'").update();
		jdbc.sql("DELETE FROM customer_service_case WHERE subject = '" + MARK + "'").update();
	}
}
