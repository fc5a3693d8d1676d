package io.rumbo.shared.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The sane range of every business date, quantity, price and percentage, in one place, so that the API, the pages
 * and the imports refuse the same values with the same message instead of storing a shifted date or overflowing a
 * column. Documented in docs/api.md.
 * <p>
 * Why these numbers: amounts are {@code NUMERIC(19,4)} (below 10^15), and a line's amount is quantity x price, so a
 * quantity below 10^7 times a price below 10^8 always fits. Dates outside 1900-2200 are typing errors (a two-digit
 * year, a missing digit) that the databases would otherwise keep, or shift across the Julian calendar. A growth rate
 * below -100 % would plan negative sales; above +1,000 % is a misplaced decimal.
 */
public final class Bounds {

	public static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);
	public static final LocalDate LATEST_DATE = LocalDate.of(2200, 12, 31);

	/** Quantities (in either direction: a negative quantity is a return) stay strictly below this. */
	public static final BigDecimal QUANTITY_LIMIT = new BigDecimal("10000000");

	/** Prices and costs per unit are zero or more and stay strictly below this. */
	public static final BigDecimal PRICE_LIMIT = new BigDecimal("100000000");

	public static final BigDecimal MIN_DISCOUNT_PERCENT = BigDecimal.ZERO;
	public static final BigDecimal MAX_DISCOUNT_PERCENT = new BigDecimal("100");
	public static final BigDecimal MIN_GROWTH_PERCENT = new BigDecimal("-100");
	public static final BigDecimal MAX_GROWTH_PERCENT = new BigDecimal("1000");

	/** Decimals a quantity, price or percentage may carry (the columns' scale). */
	public static final int SCALE = 4;

	public static final String DATE_KEY = "shared.bounds.date";
	public static final String QUANTITY_KEY = "shared.bounds.quantity";
	public static final String PRICE_KEY = "shared.bounds.price";
	public static final String PERCENT_KEY = "shared.bounds.percent";

	private Bounds() {
	}

	public static boolean isBusinessDate(LocalDate date) {
		return !date.isBefore(EARLIEST_DATE) && !date.isAfter(LATEST_DATE);
	}

	/** A quantity other than zero, below the limit in size, with at most 4 decimals. */
	public static boolean isQuantity(BigDecimal quantity) {
		return quantity.signum() != 0 && quantity.abs().compareTo(QUANTITY_LIMIT) < 0 && fitsScale(quantity);
	}

	/** A unit price or cost: zero or more, below the limit, with at most 4 decimals. */
	public static boolean isPrice(BigDecimal price) {
		return price.signum() >= 0 && price.compareTo(PRICE_LIMIT) < 0 && fitsScale(price);
	}

	public static boolean isDiscount(BigDecimal percent) {
		return between(percent, MIN_DISCOUNT_PERCENT, MAX_DISCOUNT_PERCENT);
	}

	public static boolean isGrowth(BigDecimal percent) {
		return between(percent, MIN_GROWTH_PERCENT, MAX_GROWTH_PERCENT);
	}

	/** The error for a date out of range, or null; the message names both ends. */
	public static ValidationFailedException.@Nullable FieldError date(String field, @Nullable LocalDate date) {
		return date == null || isBusinessDate(date) ? null
				: new ValidationFailedException.FieldError(field, DATE_KEY, EARLIEST_DATE, LATEST_DATE);
	}

	public static ValidationFailedException.@Nullable FieldError quantity(String field, @Nullable BigDecimal quantity) {
		return quantity == null || isQuantity(quantity) ? null
				: new ValidationFailedException.FieldError(field, QUANTITY_KEY, QUANTITY_LIMIT);
	}

	public static ValidationFailedException.@Nullable FieldError price(String field, @Nullable BigDecimal price) {
		return price == null || isPrice(price) ? null
				: new ValidationFailedException.FieldError(field, PRICE_KEY, PRICE_LIMIT);
	}

	public static ValidationFailedException.@Nullable FieldError discount(String field, @Nullable BigDecimal percent) {
		return percent == null || isDiscount(percent) ? null
				: new ValidationFailedException.FieldError(field, PERCENT_KEY, MIN_DISCOUNT_PERCENT,
						MAX_DISCOUNT_PERCENT);
	}

	public static ValidationFailedException.@Nullable FieldError growth(String field, @Nullable BigDecimal percent) {
		return percent == null || isGrowth(percent) ? null
				: new ValidationFailedException.FieldError(field, PERCENT_KEY, MIN_GROWTH_PERCENT,
						MAX_GROWTH_PERCENT);
	}

	/** Throws the errors given, if any (nulls are the checks that passed). */
	public static void require(ValidationFailedException.@Nullable FieldError... checks) {
		List<ValidationFailedException.FieldError> errors = new ArrayList<>();
		for (ValidationFailedException.FieldError check : checks) {
			if (check != null) {
				errors.add(check);
			}
		}
		if (!errors.isEmpty()) {
			throw new ValidationFailedException(errors);
		}
	}

	private static boolean between(BigDecimal value, BigDecimal min, BigDecimal max) {
		return value.compareTo(min) >= 0 && value.compareTo(max) <= 0 && fitsScale(value);
	}

	private static boolean fitsScale(BigDecimal value) {
		return value.stripTrailingZeros().scale() <= SCALE;
	}
}
