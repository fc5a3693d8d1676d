package io.rumbo.metrics;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.catalog.CatalogManagement;
import io.rumbo.catalog.ProductLineView;
import io.rumbo.identity.CurrentUser;
import io.rumbo.metrics.domain.FactGroup;
import io.rumbo.metrics.domain.FactQueries;
import io.rumbo.metrics.domain.MetricFigures;
import io.rumbo.organization.DataScope;
import io.rumbo.organization.DataScopes;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.organization.UnitId;
import io.rumbo.planning.FiscalCalendar;
import io.rumbo.shared.domain.NotFoundException;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.shared.time.FiscalPeriod;
import io.rumbo.shared.time.FiscalYears;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.PageResponse;

/**
 * Measures for a signed-in reader, within their data scope (applied in SQL to every fact read: a salesperson sees
 * their own figures, a manager those of their subtree): one row per person, unit, product line, fiscal month or
 * quarter, one column per measure. Periods are the fiscal calendar's codes ({@code FY2026}, {@code FY2026-Q1},
 * {@code FY2026-M03}) and the year to date ({@code FY2026-YTD}: the year's months up to this one).
 */
@Service
public class MetricsReports {

	/** What the rows are. */
	public enum By {
		PERSON, UNIT, LINE, MONTH, QUARTER
	}

	/**
	 * One row: its key (person, unit or line id, or the first day of the month or quarter), label and figures by
	 * measure code; a figure that is undefined (a ratio with nothing to divide by, a measure without lines) is left out.
	 */
	// Named for the OpenAPI document: several modules answer a "Row", and schemas are named by simple class name.
	@io.swagger.v3.oas.annotations.media.Schema(name = "MetricRow")
	public record Row(String key, String label, Map<String, BigDecimal> values) {

		public Row {
			Map<String, BigDecimal> defined = new LinkedHashMap<>();
			values.forEach((k, v) -> {
				if (v != null) {
					defined.put(k, v);
				}
			});
			values = java.util.Collections.unmodifiableMap(defined);
		}
	}

	private final MetricFigures figures;
	private final FactQueries facts;
	private final DataScopes scopes;
	private final OrgDirectory org;
	private final CatalogManagement catalog;
	private final FiscalCalendar calendar;
	private final Clock clock;

	MetricsReports(MetricFigures figures, FactQueries facts, DataScopes scopes, OrgDirectory org,
			CatalogManagement catalog, FiscalCalendar calendar, Clock clock) {
		this.figures = figures;
		this.facts = facts;
		this.scopes = scopes;
		this.org = org;
		this.catalog = catalog;
		this.calendar = calendar;
		this.clock = clock;
	}

	/** The period a code names; blank: this fiscal year. A bad code is a field error on {@code period}. */
	public FiscalPeriod period(@Nullable String code) {
		FiscalYears years = calendar.years();
		String c = code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
		try {
			if (c.endsWith("-YTD")) {
				FiscalPeriod year = years.parse(c.substring(0, c.length() - 4));
				LocalDate next = LocalDate.now(clock).withDayOfMonth(1).plusMonths(1);
				LocalDate end = next.isAfter(year.end()) ? year.end() : next;
				return new FiscalPeriod(year.start(), end.isAfter(year.start()) ? end : year.start().plusMonths(1));
			}
			FiscalPeriod period = years.parse(c, calendar.currentYear());
			MetricFigures.requireWholeMonths(period);
			return period;
		}
		catch (IllegalArgumentException ex) {
			throw ValidationFailedException.of("period", "metrics.period.invalid");
		}
	}

	/** The code of a period as the API and the page name it. */
	public String code(FiscalPeriod period) {
		return calendar.years().code(period);
	}

	@Transactional(readOnly = true)
	public PageResponse<Row> table(CurrentUser reader, List<Metric> measures, By by, FiscalPeriod period,
			@Nullable Long unit, ListQuery query) {
		DataScope scope = scopes.of(reader);
		if (unit != null && !scope.managesUnit(unit) && !Long.valueOf(unit).equals(scope.ownUnitId())) {
			throw new NotFoundException("unit", unit);
		}
		List<Row> rows = switch (by) {
			case PERSON -> people(scope, measures, period, unit);
			case UNIT -> units(scope, measures, period, unit);
			case LINE -> lines(scope, measures, period, unit);
			case MONTH, QUARTER -> months(scope, measures, period, unit, by == By.QUARTER);
		};
		int from = (int) Math.min(rows.size(), query.offset());
		int to = query.paged() ? (int) Math.min(rows.size(), from + (long) query.size()) : rows.size();
		return PageResponse.of(rows.subList(from, to), query, rows.size());
	}

	private List<Row> people(DataScope scope, List<Metric> measures, FiscalPeriod period, @Nullable Long unit) {
		FactGroup visible = FactGroup.everything().within(scope);
		List<Long> people = facts.people(visible, period.start(), period.end(),
				unit == null ? null : org.subtree(unit));
		Map<Long, String> names = org.staffNames(people);
		FactGroup group = FactGroup.people(people).within(scope);
		Map<Long, Map<String, @Nullable BigDecimal>> values = values(measures, period, group, null);
		return sorted(people, id -> names.getOrDefault(id, "#" + id), values);
	}

	private List<Row> units(DataScope scope, List<Metric> measures, FiscalPeriod period, @Nullable Long unit) {
		List<OrgDirectory.UnitNode> tree = org.unitTree();
		List<Long> units = new ArrayList<>();
		if (unit != null) {
			units.add(unit);
			tree.stream().filter(n -> unit.equals(n.parentId())).forEach(n -> units.add(n.id()));
		}
		else if (scope.all()) {
			tree.stream().filter(n -> n.parentId() == null).forEach(n -> units.add(n.id()));
		}
		else {
			tree.stream()
				.filter(n -> scope.managesUnit(n.id()) && (n.parentId() == null || !scope.managesUnit(n.parentId())))
				.forEach(n -> units.add(n.id()));
			if (units.isEmpty() && scope.ownUnitId() != null) {
				units.add(scope.ownUnitId());
			}
		}
		Map<String, @Nullable BigDecimal> none = Map.of();
		Map<Long, Map<String, @Nullable BigDecimal>> values = new HashMap<>();
		for (Metric metric : measures) {
			FactGroup group = figures.units(units.stream().map(UnitId::of).toList(), MetricFigures.reach(metric, period))
				.within(scope);
			figures.compute(metric, period, group, false).forEach((key, months) -> values
				.computeIfAbsent(key, k -> new LinkedHashMap<>())
				.put(metric.code(), months.get(period.start())));
		}
		Map<Long, String> names = org.unitNames(units);
		List<Row> rows = new ArrayList<>();
		for (Long id : units) {
			rows.add(row(String.valueOf(id), names.getOrDefault(id, "#" + id), measures, values.getOrDefault(id, none)));
		}
		return rows;
	}

	private List<Row> lines(DataScope scope, List<Metric> measures, FiscalPeriod period, @Nullable Long unit) {
		FactGroup group = whole(scope, period, unit, period);
		List<Long> lines = facts.lines(group, period.start(), period.end());
		String language = LocaleContextHolder.getLocale().getLanguage();
		Map<Long, String> names = new HashMap<>();
		for (ProductLineView line : catalog.lines(true)) {
			names.put(line.id(), line.name(language));
		}
		Map<Long, Map<String, @Nullable BigDecimal>> values = new HashMap<>();
		for (Long line : lines) {
			Map<String, @Nullable BigDecimal> row = new LinkedHashMap<>();
			for (Metric metric : measures) {
				row.put(metric.code(), metric.byLine()
						? only(figures.compute(metric, period, group, false, line), period.start()) : null);
			}
			values.put(line, row);
		}
		return sorted(lines, id -> names.getOrDefault(id, "#" + id), values);
	}

	private List<Row> months(DataScope scope, List<Metric> measures, FiscalPeriod period, @Nullable Long unit,
			boolean quarters) {
		List<FiscalPeriod> slices = new ArrayList<>();
		FiscalYears years = calendar.years();
		for (LocalDate m : MetricFigures.months(period)) {
			FiscalPeriod slice = quarters ? years.quarter(years.yearOf(m), years.quarterOf(m))
					: new FiscalPeriod(m, m.plusMonths(1));
			if (!slices.contains(slice)) {
				slices.add(slice);
			}
		}
		List<Row> rows = new ArrayList<>();
		for (FiscalPeriod slice : slices) {
			Map<String, @Nullable BigDecimal> row = new LinkedHashMap<>();
			for (Metric metric : measures) {
				FactGroup group = whole(scope, slice, unit, MetricFigures.reach(metric, slice));
				row.put(metric.code(), only(figures.compute(metric, slice, group, false), slice.start()));
			}
			rows.add(new Row(slice.start().toString(), years.code(slice), row));
		}
		return rows;
	}

	/** All the reader sees, or one unit's subtree, as one group. */
	private FactGroup whole(DataScope scope, FiscalPeriod period, @Nullable Long unit, FiscalPeriod reach) {
		if (unit == null) {
			return FactGroup.everything().within(scope);
		}
		return figures.units(List.of(UnitId.of(unit)), reach).within(scope);
	}

	private Map<Long, Map<String, @Nullable BigDecimal>> values(List<Metric> measures, FiscalPeriod period,
			FactGroup group, @Nullable Long line) {
		Map<Long, Map<String, @Nullable BigDecimal>> values = new HashMap<>();
		for (Metric metric : measures) {
			figures.compute(metric, period, group, false, line).forEach((key, months) -> values
				.computeIfAbsent(key, k -> new LinkedHashMap<>())
				.put(metric.code(), months.get(period.start())));
		}
		return values;
	}

	private static @Nullable BigDecimal only(Map<Long, Map<LocalDate, BigDecimal>> values, LocalDate at) {
		return values.values().stream().findFirst().map(m -> m.get(at)).orElse(null);
	}

	private static List<Row> sorted(List<Long> ids, java.util.function.Function<Long, String> label,
			Map<Long, Map<String, @Nullable BigDecimal>> values) {
		List<Row> rows = new ArrayList<>();
		for (Long id : ids) {
			rows.add(new Row(String.valueOf(id), label.apply(id), values.getOrDefault(id, Map.of())));
		}
		rows.sort(Comparator.comparing(Row::label, String.CASE_INSENSITIVE_ORDER).thenComparing(Row::key));
		return rows;
	}

	private static Row row(String key, String label, List<Metric> measures, Map<String, @Nullable BigDecimal> found) {
		Map<String, @Nullable BigDecimal> values = new LinkedHashMap<>();
		measures.forEach(m -> values.put(m.code(), found.get(m.code())));
		return new Row(key, label, values);
	}

	/** The measures a comma-separated list of codes names; an unknown code is a field error on {@code measures}. */
	public static List<Metric> measures(@Nullable String codes) {
		if (codes == null || codes.isBlank()) {
			return List.of(Metric.REVENUE, Metric.MARGIN, Metric.ORDERS);
		}
		List<Metric> result = new ArrayList<>();
		for (String code : codes.split(",")) {
			Metric metric = Metric.ofCode(code)
				.orElseThrow(() -> ValidationFailedException.of("measures", "metrics.measure.unknown"));
			if (!result.contains(metric)) {
				result.add(metric);
			}
		}
		return result;
	}
}
