package io.rumbo.territories.domain;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.rumbo.customers.CustomerDirectory;
import io.rumbo.customers.CustomerId;
import io.rumbo.sales.CustomerSalesTotals;
import io.rumbo.sales.OrderId;
import io.rumbo.shared.sql.BulkRows;

/**
 * The account fields territory rules read, copied into {@code territories_account} from the customers module's API
 * with the booked sales and margin of a year window from the sales module's API (decision 0037): the rules then run
 * as one statement over the module's own tables. The copy is kept from the two modules' events, one account at a time
 * or a set of them (decision 0044), and rebuilt in full only when it has never been built, is empty, was marked stale
 * (an event that names no account, such as an import that changed existing accounts) or covers another sales year
 * than the one asked; or when an administrator asks. A rebuild reads customers a chunk at a time and appends each
 * chunk, so its memory does not grow with the company. Every write locks the copy's row in
 * {@code territories_account_copy}, so a rebuild and a listener never rewrite the copy under each other.
 */
@Component
public class AccountSnapshot {

	/** Accounts per chunk of a rebuild and per set-based update. */
	static final int CHUNK = 1000;

	private static final List<String> COLUMNS = List.of("customer_id", "legal_name", "region", "postal_code", "city",
			"industry", "company_size", "potential_class", "segment", "annual_potential", "owner_staff_id", "unit_id",
			"last_year_net", "last_year_margin");

	/** The copy's state: the sales window it holds and whether it must be rebuilt before it is read. */
	public record State(@Nullable LocalDate from, @Nullable LocalDate to, boolean stale,
			@Nullable OffsetDateTime rebuiltAt) {

		boolean covers(LocalDate windowFrom, LocalDate windowTo) {
			return !stale && windowFrom.equals(from) && windowTo.equals(to);
		}

		boolean built() {
			return !stale && from != null && to != null;
		}
	}

	/** An order's customer and the date it counts on, as an order event carries them. */
	public record Sale(CustomerId customer, LocalDate orderDate) {
	}

	private final JdbcClient jdbc;
	private final JdbcTemplate template;
	private final CustomerDirectory customers;
	private final CustomerSalesTotals sales;
	private final BulkRows bulk;
	private final Clock clock;

	AccountSnapshot(JdbcClient jdbc, JdbcTemplate template, CustomerDirectory customers, CustomerSalesTotals sales,
			BulkRows bulk, Clock clock) {
		this.jdbc = jdbc;
		this.template = template;
		this.customers = customers;
		this.sales = sales;
		this.bulk = bulk;
		this.clock = clock;
	}

	/**
	 * Makes the copy current for sales from {@code from} (inclusive) to {@code to} (exclusive), inside the caller's
	 * transaction: rebuilds it when it must (see the class) and otherwise reads one row of state and one of the copy,
	 * whatever the number of accounts and orders. Answers the rows written: zero when the copy was current.
	 */
	public int refresh(LocalDate from, LocalDate to) {
		if (state().covers(from, to) && !empty()) {
			return 0;
		}
		State locked = lock();
		if (locked.covers(from, to) && !empty()) {
			return 0; // rebuilt by another evaluation while this one waited for the lock
		}
		return rebuildLocked(from, to);
	}

	/** Rebuilds the copy whatever its state (an administrator's request); answers the rows written. */
	public int rebuild(LocalDate from, LocalDate to) {
		lock();
		return rebuildLocked(from, to);
	}

	public State state() {
		return jdbc.sql("SELECT window_from, window_to, stale, rebuilt_at FROM territories_account_copy WHERE id = 1")
			.query((rs, n) -> new State(rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class),
					rs.getBoolean(3), rs.getObject(4, OffsetDateTime.class)))
			.single();
	}

	/**
	 * The accounts named by a customers event, read again through the customers module's API (so a late or repeated
	 * event writes the current fields, never older ones): live ones are written with their sales of the copy's window,
	 * archived or unknown ones leave the copy. Nothing happens while the copy is not built or stale (the rebuild
	 * before the next read takes them).
	 */
	public void accountsChanged(Collection<Long> ids) {
		State state = lock();
		if (!state.built() || ids.isEmpty()) {
			return;
		}
		List<Long> all = ids.stream().distinct().sorted().toList();
		for (int i = 0; i < all.size(); i += CHUNK) {
			List<Long> chunk = all.subList(i, Math.min(all.size(), i + CHUNK));
			jdbc.sql("DELETE FROM territories_account WHERE customer_id IN (:ids)").param("ids", chunk).update();
			write(customers.liveAccounts(chunk), state.from(), state.to());
		}
	}

	/**
	 * Orders of these customers were booked, changed, cancelled or returned: the customers' sales of the copy's window
	 * are read again (a grouped query of those customers, so a repeated event changes nothing). Orders dated outside
	 * the window do not count and are skipped.
	 */
	public void salesChanged(Collection<Sale> changed) {
		State state = lock();
		if (!state.built()) {
			return;
		}
		Set<CustomerId> concerned = new java.util.HashSet<>();
		for (Sale s : changed) {
			if (!s.orderDate().isBefore(state.from()) && s.orderDate().isBefore(state.to())) {
				concerned.add(s.customer());
			}
		}
		updateSales(concerned, state);
	}

	/** An order import named these orders: their customers within the window are read again. */
	public void ordersImported(Collection<OrderId> orders) {
		State state = lock();
		if (!state.built()) {
			return;
		}
		updateSales(sales.customersOf(orders, state.from(), state.to()), state);
	}

	/** Something changed that no event names account by account: the next read rebuilds the copy. */
	public void markStale() {
		lock();
		jdbc.sql("UPDATE territories_account_copy SET stale = TRUE WHERE id = 1").update();
	}

	private void updateSales(Set<CustomerId> concerned, State state) {
		if (concerned.isEmpty()) {
			return;
		}
		Map<CustomerId, CustomerSalesTotals.Totals> totals = sales.of(concerned, state.from(), state.to());
		List<Object[]> rows = new ArrayList<>(concerned.size());
		for (CustomerId c : concerned) {
			CustomerSalesTotals.Totals t = totals.get(c);
			rows.add(new Object[] { t == null ? BigDecimal.ZERO : t.net(), t == null ? BigDecimal.ZERO : t.margin(),
					c.value() });
		}
		template.batchUpdate(
				"UPDATE territories_account SET last_year_net = ?, last_year_margin = ? WHERE customer_id = ?", rows);
	}

	private int rebuildLocked(LocalDate from, LocalDate to) {
		jdbc.sql("DELETE FROM territories_account").update();
		int written = 0;
		long after = 0;
		while (true) {
			List<CustomerDirectory.AccountFacts> chunk = customers.liveAccountsAfter(after, CHUNK);
			if (chunk.isEmpty()) {
				break;
			}
			written += write(chunk, from, to);
			after = chunk.get(chunk.size() - 1).id();
		}
		jdbc.sql("""
				UPDATE territories_account_copy SET window_from = :f, window_to = :t, stale = FALSE, rebuilt_at = :at
				WHERE id = 1""")
			.param("f", from)
			.param("t", to)
			.param("at", OffsetDateTime.now(clock))
			.update();
		return written;
	}

	/** Appends accounts (none of them in the copy) with their sales from {@code from} to {@code to}. */
	private int write(List<CustomerDirectory.AccountFacts> accounts, LocalDate from, LocalDate to) {
		if (accounts.isEmpty()) {
			return 0;
		}
		Map<CustomerId, CustomerSalesTotals.Totals> totals = sales.of(
				accounts.stream().map(a -> CustomerId.of(a.id())).toList(), from, to);
		List<Object[]> rows = new ArrayList<>(accounts.size());
		for (CustomerDirectory.AccountFacts a : accounts) {
			CustomerSalesTotals.Totals t = totals.get(CustomerId.of(a.id()));
			rows.add(new Object[] { a.id(), a.legalName(), a.region(), a.postalCode(), a.city(), a.industry(),
					a.companySize().name(), a.potentialClass().name(), a.segment().name(),
					a.annualPotential() == null ? BigDecimal.ZERO : a.annualPotential(), a.ownerStaffId(), a.unitId(),
					t == null ? BigDecimal.ZERO : t.net(), t == null ? BigDecimal.ZERO : t.margin() });
		}
		bulk.append("territories_account", COLUMNS, rows);
		return rows.size();
	}

	private boolean empty() {
		return jdbc.sql("SELECT customer_id FROM territories_account FETCH FIRST 1 ROWS ONLY").query(Long.class).list()
			.isEmpty();
	}

	/** Locks the copy's row until the transaction ends and answers its state. */
	private State lock() {
		return jdbc.sql("""
				SELECT window_from, window_to, stale, rebuilt_at FROM territories_account_copy WHERE id = 1 FOR UPDATE""")
			.query((rs, n) -> new State(rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class),
					rs.getBoolean(3), rs.getObject(4, OffsetDateTime.class)))
			.single();
	}
}
