package io.rumbo.incentives.domain;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The deals of a product line a SPIFF per deal pays on (pure; decision 0024): per credited person, the booked orders
 * (not returns) with at least one line of the product line whose net is positive, each counted once per credit, as
 * the metrics engine counts orders (a split order counts for each person credited). A cancelled order is no longer
 * booked, so a later recount drops it and the payout run's correction claws it back.
 */
public final class Deals {

	private Deals() {
	}

	/** A credited person's part of an order in one product line. */
	public record Part(long orderId, long staffId, long lineId, BigDecimal net) {
	}

	/** An order counted for a credited person (booked and not a return). */
	public record Counted(long orderId, long staffId) {
	}

	/** Per person of {@code people}, how many deals have a line of {@code lineId}. */
	public static Map<Long, BigDecimal> perPerson(Collection<Part> parts, Collection<Counted> counted, long lineId,
			Set<Long> people) {
		Set<Counted> orders = new HashSet<>(counted);
		Set<Counted> deals = new HashSet<>();
		for (Part p : parts) {
			Counted key = new Counted(p.orderId(), p.staffId());
			if (p.lineId() == lineId && p.net().signum() > 0 && people.contains(p.staffId()) && orders.contains(key)) {
				deals.add(key);
			}
		}
		Map<Long, BigDecimal> result = new HashMap<>();
		deals.forEach(d -> result.merge(d.staffId(), BigDecimal.ONE, BigDecimal::add));
		return result;
	}
}
