package io.rumbo.sales;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.catalog.ProductCatalog;
import io.rumbo.catalog.ProductLineId;
import io.rumbo.organization.StaffId;
import io.rumbo.organization.UnitId;
import io.rumbo.planning.FiscalCalendar;
import io.rumbo.sales.domain.SalesResultsQueries;
import io.rumbo.shared.time.FiscalPeriod;
import io.rumbo.shared.time.FiscalYears;

/**
 * Booked results for a period, the one read that planning, metrics and reports share: net revenue, units, margin and
 * orders credited to each salesperson in proportion to their credit share, to the unit they were in on the order
 * date, by product line and by fiscal month. Cancelled orders count nowhere; returns (negative lines) reduce the
 * results of the period they are booked in. Shares are applied exactly, without rounding, so the people of a unit add
 * up to the unit and every grouping to the same company total; round for display. Company-wide: callers apply their
 * reader's scope. Each answer costs one or two grouped statements, whatever the number of orders.
 */
@Service
public class SalesResults {

	/**
	 * What was booked. {@code orders} counts orders by credit share (an order split 60/40 is 0.6 and 0.4 of an order)
	 * and counts a return as none.
	 */
	public record Results(BigDecimal netRevenue, BigDecimal units, BigDecimal margin, BigDecimal orders) {

		public static final Results NONE = new Results(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

		public Results plus(Results other) {
			return new Results(netRevenue.add(other.netRevenue), units.add(other.units), margin.add(other.margin),
					orders.add(other.orders));
		}
	}

	/** What was booked by product line: orders are not counted, as one order may hold several lines. */
	public record LineResults(BigDecimal netRevenue, BigDecimal units, BigDecimal margin) {

		public static final LineResults NONE = new LineResults(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

		public LineResults plus(LineResults other) {
			return new LineResults(netRevenue.add(other.netRevenue), units.add(other.units), margin.add(other.margin));
		}
	}

	public record PersonResult(StaffId staffId, Results results) {
	}

	/** A unit's results: those of the people credited while they were in it (on the order date). */
	public record UnitResult(UnitId unitId, Results results) {
	}

	public record MonthResult(FiscalPeriod month, Results results) {
	}

	public record LineResult(ProductLineId lineId, LineResults results) {
	}

	/** The finest grain with orders: one person, in one unit, in one fiscal month. */
	public record CreditedResult(StaffId staffId, UnitId unitId, FiscalPeriod month, Results results) {
	}

	/** The finest grain by product line: one person, in one unit, one product line, in one fiscal month. */
	public record CreditedLineResult(StaffId staffId, UnitId unitId, ProductLineId lineId, FiscalPeriod month,
			LineResults results) {
	}

	private final SalesResultsQueries queries;
	private final ProductCatalog catalog;
	private final FiscalCalendar calendar;

	SalesResults(SalesResultsQueries queries, ProductCatalog catalog, FiscalCalendar calendar) {
		this.queries = queries;
		this.catalog = catalog;
		this.calendar = calendar;
	}

	/** Per person, unit and fiscal month (the month the order date falls in, whole even when the period cuts it). */
	@Transactional(readOnly = true)
	public List<CreditedResult> credited(FiscalPeriod period) {
		FiscalYears years = calendar.years();
		Map<CreditKey, Results> sums = new LinkedHashMap<>();
		for (SalesResultsQueries.CreditRow r : queries.credits(period.start(), period.end())) {
			sums.merge(new CreditKey(r.staffId(), r.unitId(), monthOf(years, r.month())),
					new Results(r.netRevenue(), r.units(), r.margin(), r.orders()), Results::plus);
		}
		List<CreditedResult> result = new ArrayList<>(sums.size());
		sums.forEach((k, v) -> result.add(new CreditedResult(StaffId.of(k.staff()), UnitId.of(k.unit()), k.month(), v)));
		return result;
	}

	/** Per person, unit, product line and fiscal month. */
	@Transactional(readOnly = true)
	public List<CreditedLineResult> creditedLines(FiscalPeriod period) {
		return creditedLines(period, null);
	}

	/** As above, only for credits of these units ({@code null}: every unit), read from their rows alone. */
	@Transactional(readOnly = true)
	public List<CreditedLineResult> creditedLines(FiscalPeriod period, java.util.@Nullable Collection<Long> unitIds) {
		FiscalYears years = calendar.years();
		List<SalesResultsQueries.ProductRow> rows = queries.products(period.start(), period.end(), unitIds);
		Map<Long, Long> lineOf = new HashMap<>();
		if (!rows.isEmpty()) {
			catalog.products(rows.stream().map(SalesResultsQueries.ProductRow::productId).distinct().toList())
				.forEach(p -> lineOf.put(p.id(), p.lineId()));
		}
		record Key(long staff, long unit, long line, FiscalPeriod month) {
		}
		Map<Key, LineResults> sums = new LinkedHashMap<>();
		for (SalesResultsQueries.ProductRow r : rows) {
			Long line = lineOf.get(r.productId());
			if (line == null) {
				throw new IllegalStateException("Product " + r.productId() + " is not in the catalog");
			}
			sums.merge(new Key(r.staffId(), r.unitId(), line, monthOf(years, r.month())),
					new LineResults(r.netRevenue(), r.units(), r.margin()), LineResults::plus);
		}
		List<CreditedLineResult> result = new ArrayList<>(sums.size());
		sums.forEach((k, v) -> result.add(new CreditedLineResult(StaffId.of(k.staff()), UnitId.of(k.unit()),
				ProductLineId.of(k.line()), k.month(), v)));
		return result;
	}

	/** Per salesperson, credit shares applied; in order of staff id. */
	@Transactional(readOnly = true)
	public List<PersonResult> byPerson(FiscalPeriod period) {
		return sum(credited(period), CreditedResult::staffId, Comparator.comparingLong(StaffId::value)).entrySet().stream()
			.map(e -> new PersonResult(e.getKey(), e.getValue()))
			.toList();
	}

	/** Per unit, each credit counted in the unit its person was in on the order date; in order of unit id. */
	@Transactional(readOnly = true)
	public List<UnitResult> byUnit(FiscalPeriod period) {
		return sum(credited(period), CreditedResult::unitId, Comparator.comparingLong(UnitId::value)).entrySet().stream()
			.map(e -> new UnitResult(e.getKey(), e.getValue()))
			.toList();
	}

	/** Per fiscal month, in order. */
	@Transactional(readOnly = true)
	public List<MonthResult> byMonth(FiscalPeriod period) {
		return sum(credited(period), CreditedResult::month, Comparator.comparing(FiscalPeriod::start)).entrySet().stream()
			.map(e -> new MonthResult(e.getKey(), e.getValue()))
			.toList();
	}

	/** Per product line, in order of line id. */
	@Transactional(readOnly = true)
	public List<LineResult> byLine(FiscalPeriod period) {
		Map<ProductLineId, LineResults> sums = new java.util.TreeMap<>(Comparator.comparingLong(ProductLineId::value));
		creditedLines(period).forEach(r -> sums.merge(r.lineId(), r.results(), LineResults::plus));
		return sums.entrySet().stream().map(e -> new LineResult(e.getKey(), e.getValue())).toList();
	}

	private record CreditKey(long staff, long unit, FiscalPeriod month) {
	}

	private static <K> Map<K, Results> sum(List<CreditedResult> rows, Function<CreditedResult, K> key,
			Comparator<K> order) {
		Map<K, Results> sums = new java.util.TreeMap<>(order);
		rows.forEach(r -> sums.merge(key.apply(r), r.results(), Results::plus));
		return sums;
	}

	/** Fiscal months begin on the first of a calendar month, so a calendar month lies inside exactly one. */
	private static FiscalPeriod monthOf(FiscalYears years, LocalDate calendarMonth) {
		return years.month(years.yearOf(calendarMonth), years.monthOf(calendarMonth));
	}
}
