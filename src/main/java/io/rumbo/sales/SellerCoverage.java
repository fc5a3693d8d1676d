package io.rumbo.sales;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * Which product lines a seller may be credited with: a channel's seller record sells only the lines its terms cover
 * (decision 0042). Declared here, implemented by a later module (sizing, which owns the channel terms); without an
 * implementation every seller covers every line. An order dated on or after {@link Covered#from} that credits a
 * restricted seller is refused for a line of another product line, on entry and in the order import.
 */
public interface SellerCoverage {

	/** The product lines a seller covers, for orders dated from {@code from} on. */
	record Covered(LocalDate from, Set<Long> productLineIds) {

		public Covered {
			productLineIds = Set.copyOf(productLineIds);
		}

		public boolean covers(LocalDate orderDate, long productLineId) {
			return orderDate.isBefore(from) || productLineIds.contains(productLineId);
		}
	}

	/**
	 * The sellers restricted to some product lines, by staff id: a small map (one entry per channel whose terms name
	 * lines); a seller absent covers every line.
	 */
	Map<Long, Covered> restrictedSellers();
}
