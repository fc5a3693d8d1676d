package io.rumbo.territories;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.customers.CustomerArchived;
import io.rumbo.customers.CustomerCreated;
import io.rumbo.customers.CustomerDetailsChanged;
import io.rumbo.customers.CustomerOwnerChanged;
import io.rumbo.customers.CustomersImported;
import io.rumbo.identity.AuditTrail;
import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.sales.OrderBooked;
import io.rumbo.sales.OrderCancelled;
import io.rumbo.sales.OrderChanged;
import io.rumbo.sales.OrderFacts;
import io.rumbo.sales.OrderReturned;
import io.rumbo.sales.OrdersImported;
import io.rumbo.shared.domain.AccessRefusedException;
import io.rumbo.shared.time.FiscalPeriod;
import io.rumbo.territories.domain.AccountSnapshot;

/**
 * Keeps the territories' account copy from the customers and sales modules' events (decision 0044): each listener runs
 * after the publisher's commit, in a transaction of its own, and rewrites only the accounts its event names (read again
 * through the modules' APIs, so a repeated or late event is harmless). A customer import names no account and marks
 * the copy stale; so does an order import that replaced existing orders (an order's customer may have changed, and the
 * event does not say whose it was). Administrators rebuild the copy on demand, as they rebuild metrics.
 */
@Service
public class AccountCopy {

	/** What a rebuild wrote: the accounts copied and the sales year (to exclusive) their figures cover. */
	@io.swagger.v3.oas.annotations.media.Schema(name = "TerritoriesAccountCopyRebuild")
	public record Report(long accounts, LocalDate salesFrom, LocalDate salesTo, long millis) {
	}

	/** The copy's state, for operations: the sales year it holds, whether it waits for a rebuild, when it was built. */
	@io.swagger.v3.oas.annotations.media.Schema(name = "TerritoriesAccountCopyState")
	public record Status(@Nullable LocalDate salesFrom, @Nullable LocalDate salesTo, boolean stale,
			@Nullable OffsetDateTime rebuiltAt) {
	}

	private final AccountSnapshot snapshot;
	private final Realignment realignment;
	private final AuditTrail audit;
	private final Clock clock;

	AccountCopy(AccountSnapshot snapshot, Realignment realignment, AuditTrail audit, Clock clock) {
		this.snapshot = snapshot;
		this.realignment = realignment;
		this.audit = audit;
		this.clock = clock;
	}

	public static boolean mayRebuild(CurrentUser actor) {
		return actor.has(Role.ADMIN);
	}

	/** Copies every live account again with last year's sales as of today (administrators; audited). */
	@Transactional
	public Report rebuild(CurrentUser actor) {
		if (!mayRebuild(actor)) {
			throw new AccessRefusedException("territories");
		}
		long started = System.nanoTime();
		FiscalPeriod year = realignment.lastYear(LocalDate.now(clock));
		int written = snapshot.rebuild(year.start(), year.end());
		Report report = new Report(written, year.start(), year.end(), (System.nanoTime() - started) / 1_000_000);
		audit.record("TERRITORY_ACCOUNT_COPY", "copy", "REBUILD", null, report,
				"Territory account copy rebuilt: " + written + " accounts");
		return report;
	}

	@Transactional(readOnly = true)
	public Status status(CurrentUser actor) {
		if (!mayRebuild(actor)) {
			throw new AccessRefusedException("territories");
		}
		AccountSnapshot.State s = snapshot.state();
		return new Status(s.from(), s.to(), s.stale(), s.rebuiltAt());
	}

	// ---- customers

	@ApplicationModuleListener
	void on(CustomerCreated created) {
		snapshot.accountsChanged(List.of(created.customer().value()));
	}

	@ApplicationModuleListener
	void on(CustomerOwnerChanged changed) {
		snapshot.accountsChanged(List.of(changed.customer().value()));
	}

	@ApplicationModuleListener
	void on(CustomerDetailsChanged changed) {
		snapshot.accountsChanged(List.of(changed.customer().value()));
	}

	@ApplicationModuleListener
	void on(CustomerArchived archived) {
		snapshot.accountsChanged(List.of(archived.customer().value()));
	}

	@ApplicationModuleListener
	void on(CustomersImported imported) {
		snapshot.markStale();
	}

	// ---- sales

	@ApplicationModuleListener
	void on(OrderBooked booked) {
		snapshot.salesChanged(List.of(sale(booked.facts())));
	}

	@ApplicationModuleListener
	void on(OrderReturned returned) {
		snapshot.salesChanged(List.of(sale(returned.facts())));
	}

	@ApplicationModuleListener
	void on(OrderCancelled cancelled) {
		snapshot.salesChanged(List.of(sale(cancelled.facts())));
	}

	@ApplicationModuleListener
	void on(OrderChanged changed) {
		List<AccountSnapshot.Sale> sales = new ArrayList<>(2);
		sales.add(sale(changed.before()));
		sales.add(sale(changed.after()));
		snapshot.salesChanged(sales);
	}

	@ApplicationModuleListener
	void on(OrdersImported imported) {
		if (imported.updated() > 0) {
			snapshot.markStale();
		}
		else {
			snapshot.ordersImported(imported.orders());
		}
	}

	private static AccountSnapshot.Sale sale(OrderFacts facts) {
		return new AccountSnapshot.Sale(facts.customerId(), facts.orderDate());
	}
}
