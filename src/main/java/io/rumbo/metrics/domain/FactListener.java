package io.rumbo.metrics.domain;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;

import org.jspecify.annotations.Nullable;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import io.rumbo.catalog.ProductMovedToLine;
import io.rumbo.customers.CustomerOwnerChanged;
import io.rumbo.customers.SatisfactionRated;
import io.rumbo.customers.ServiceCaseReopened;
import io.rumbo.customers.ServiceCaseResolutionChanged;
import io.rumbo.customers.ServiceCaseResolved;
import io.rumbo.organization.StaffId;
import io.rumbo.sales.ActivityChanged;
import io.rumbo.sales.ActivityDone;
import io.rumbo.sales.ForecastAccuracyRecorded;
import io.rumbo.sales.OpportunityChanged;
import io.rumbo.sales.OpportunityCreated;
import io.rumbo.sales.OpportunityLost;
import io.rumbo.sales.OpportunityStageChanged;
import io.rumbo.sales.OpportunityWon;
import io.rumbo.sales.OrderBooked;
import io.rumbo.sales.OrderCancelled;
import io.rumbo.sales.OrderChanged;
import io.rumbo.sales.OrderContributions;
import io.rumbo.sales.OrderFacts;
import io.rumbo.sales.OrderId;
import io.rumbo.sales.OrderReturned;
import io.rumbo.sales.OrdersImported;
import io.rumbo.sales.TaskChanged;
import io.rumbo.sales.TaskCompleted;
import io.rumbo.sales.TaskReopened;

/**
 * Keeps the facts up to date from the sales and customers events. An event does not carry a delta to add: it names
 * the cells it touches (the people credited or owning the record, before and after, times the months of the record's
 * dates), and those cells are recomputed from the records; an order event names its orders, whose contribution
 * {@link OrderLedger} brings up to date (what they contribute now minus what it stored). So an event delivered twice
 * (the publication registry re-runs the ones left incomplete at a restart), or out of order, leaves the same facts,
 * and a late or corrected order costs what that order touches. Each runs after the publishing transaction commits, in
 * its own transaction.
 */
@Component
class FactListener {

	private final FactStore store;
	private final OrderLedger ledger;
	private final OrderContributions sales;

	FactListener(FactStore store, OrderLedger ledger, OrderContributions sales) {
		this.store = store;
		this.ledger = ledger;
		this.sales = sales;
	}

	@ApplicationModuleListener
	void on(OrderBooked event) {
		orders(List.of(event.orderId().value()), event.facts());
	}

	@ApplicationModuleListener
	void on(OrderReturned event) {
		orders(List.of(event.orderId().value()), event.facts());
	}

	@ApplicationModuleListener
	void on(OrderCancelled event) {
		orders(List.of(event.orderId().value()), event.facts());
	}

	@ApplicationModuleListener
	void on(OrderChanged event) {
		orders(List.of(event.orderId().value()), event.before(), event.after());
	}

	/** An import names its orders (a large one in several events). */
	@ApplicationModuleListener
	void on(OrdersImported event) {
		orders(event.orders().stream().map(OrderId::value).toList());
	}

	@ApplicationModuleListener
	void on(ActivityDone event) {
		store.lock();
		months((from, to) -> store.activities(List.of(event.owner().value()), from, to), event.doneOn());
	}

	/** Both owners, both days: the old attribution is taken away, the new one counted. */
	@ApplicationModuleListener
	void on(ActivityChanged event) {
		store.lock();
		List<Long> owners = people(event.before().owner(), event.after().owner());
		months((from, to) -> store.activities(owners, from, to), event.before().doneOn(), event.after().doneOn());
	}

	@ApplicationModuleListener
	void on(OpportunityCreated event) {
		store.lock();
		months((from, to) -> store.opportunities(List.of(event.owner().value()), from, to), event.createdOn());
		store.pipeline(List.of(event.opportunity().value()));
	}

	/**
	 * An edit without a move: the creation month and both close months of both owners (a won or lost one counts in its
	 * close month, and its owner may have changed), and the opportunity's own open pipeline row.
	 */
	@ApplicationModuleListener
	void on(OpportunityChanged event) {
		store.lock();
		List<Long> owners = people(event.before().owner(), event.after().owner());
		months((from, to) -> store.opportunities(owners, from, to), event.createdOn(), event.before().expectedClose(),
				event.after().expectedClose());
		store.pipeline(List.of(event.opportunity().value()));
	}

	@ApplicationModuleListener
	void on(OpportunityStageChanged event) {
		store.lock();
		store.pipeline(List.of(event.opportunity().value()));
	}

	@ApplicationModuleListener
	void on(OpportunityWon event) {
		store.lock();
		months((from, to) -> store.opportunities(List.of(event.owner().value()), from, to), event.closedOn());
		store.pipeline(List.of(event.opportunity().value()));
	}

	@ApplicationModuleListener
	void on(OpportunityLost event) {
		store.lock();
		months((from, to) -> store.opportunities(List.of(event.owner().value()), from, to), event.closedOn());
		store.pipeline(List.of(event.opportunity().value()));
	}

	@ApplicationModuleListener
	void on(TaskCompleted event) {
		store.lock();
		months((from, to) -> store.tasks(List.of(person(event.assignee())), from, to), event.completedOn());
	}

	@ApplicationModuleListener
	void on(TaskChanged event) {
		store.lock();
		List<Long> assignees = people(event.before().assignee(), event.after().assignee());
		months((from, to) -> store.tasks(assignees, from, to), event.before().completedOn(),
				event.after().completedOn());
	}

	@ApplicationModuleListener
	void on(TaskReopened event) {
		store.lock();
		months((from, to) -> store.tasks(List.of(person(event.assignee())), from, to), event.wasCompletedOn());
	}

	@ApplicationModuleListener
	void on(ServiceCaseResolved event) {
		store.lock();
		months((from, to) -> store.cases(List.of(person(event.owner())), from, to), event.resolvedOn());
	}

	/** A correction: the resolution as it was (its owner, its month) is taken away, the corrected one counted. */
	@ApplicationModuleListener
	void on(ServiceCaseResolutionChanged event) {
		store.lock();
		List<Long> owners = people(event.before().owner(), event.after().owner());
		months((from, to) -> store.cases(owners, from, to), event.before().resolvedOn(), event.after().resolvedOn());
	}

	@ApplicationModuleListener
	void on(ServiceCaseReopened event) {
		store.lock();
		months((from, to) -> store.cases(List.of(person(event.owner())), from, to), event.wasResolvedOn());
	}

	@ApplicationModuleListener
	void on(SatisfactionRated event) {
		store.lock();
		months((from, to) -> store.ratings(List.of(person(event.owner())), from, to), event.ratedOn());
	}

	/** Accuracy recorded at period end: those people's forecast cells of the months of those periods. */
	@ApplicationModuleListener
	void on(ForecastAccuracyRecorded event) {
		store.lock();
		store.forecasts(event.people().stream().map(StaffId::value).toList(), event.from().withDayOfMonth(1),
				event.to());
	}

	/**
	 * Figures by line follow the catalog as it is: the contribution of every order with a line of the product is
	 * brought up to date (its amounts move from the old line to the new one; a rare catalog edit).
	 */
	@ApplicationModuleListener
	void on(ProductMovedToLine event) {
		store.lock();
		ledger.apply(sales.withProduct(event.product().value()));
	}

	/**
	 * Cases and ratings are attributed to the account's owner on their day; a change of owner from a past date may
	 * re-attribute those from that date on, so both owners' after-sales cells from that month are recomputed.
	 */
	@ApplicationModuleListener
	void on(CustomerOwnerChanged event) {
		store.lock();
		List<Long> people = people(event.fromOwner(), event.toOwner());
		LocalDate from = event.effectiveDate().withDayOfMonth(1);
		store.cases(people, from, FactStore.EVER_TO);
		store.ratings(people, from, FactStore.EVER_TO);
	}

	/**
	 * The order's contribution brought up to date, then the first purchases of its customers (before and after, as
	 * the ledger and the event say).
	 */
	private void orders(List<Long> orders, OrderFacts... facts) {
		store.lock();
		Set<Long> customers = new HashSet<>(ledger.apply(orders).customers());
		for (OrderFacts f : facts) {
			customers.add(f.customerId().value());
		}
		store.firstPurchases(customers);
	}

	/** Recomputes the month of each date, once per month. */
	private static void months(BiConsumer<LocalDate, LocalDate> recompute, LocalDate... dates) {
		TreeSet<LocalDate> months = new TreeSet<>();
		for (LocalDate date : dates) {
			months.add(date.withDayOfMonth(1));
		}
		months.forEach(from -> recompute.accept(from, from.plusMonths(1)));
	}

	/** The people of a before and an after state (once each, 0 for nobody). */
	private static List<Long> people(@Nullable StaffId before, @Nullable StaffId after) {
		return List.copyOf(new TreeSet<>(List.of(person(before), person(after))));
	}

	/** Records of nobody (a team task, an unowned account) are kept under person 0. */
	private static long person(@Nullable StaffId staff) {
		return staff == null ? 0L : staff.value();
	}
}
