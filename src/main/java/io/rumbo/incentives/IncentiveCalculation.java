package io.rumbo.incentives;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.swagger.v3.oas.annotations.media.Schema;
import io.rumbo.identity.CurrentUser;
import io.rumbo.incentives.PlanViews.ComponentDetails;
import io.rumbo.incentives.PlanViews.PlanDetails;
import io.rumbo.incentives.domain.AssignmentStore;
import io.rumbo.incentives.domain.Calculation;
import io.rumbo.incentives.domain.Calculation.Figures;
import io.rumbo.incentives.domain.Calculation.Held;
import io.rumbo.incentives.domain.ComponentRules;
import io.rumbo.incentives.domain.Calculation.Outcome;
import io.rumbo.incentives.domain.IncentivePlan;
import io.rumbo.incentives.domain.PlanRules;
import io.rumbo.incentives.domain.Proration;
import io.rumbo.metrics.Aggregation;
import io.rumbo.metrics.Metric;
import io.rumbo.metrics.MetricsQuery;
import io.rumbo.metrics.MetricsReports;
import io.rumbo.organization.DataScopes;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.organization.StaffId;
import io.rumbo.organization.UnitId;
import io.rumbo.quotas.QuotaReading;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.shared.money.Amounts;
import io.rumbo.shared.time.FiscalPeriod;

/**
 * What a plan pays each of its people for a fiscal period, per component: the engine the payout runs will persist
 * (docs/incentives.md). Set-based: per component and per period of its cadence, one call to the metrics engine for
 * everyone (two or three more with a year-to-date gate or a retroactive table) and one read of the year's quotas per
 * measure; then the arithmetic of {@link io.rumbo.incentives.domain.Calculation} in Java, per person. Splits and
 * returns are in the metrics engine's figures as they are.
 * <p>
 * A component is calculated for each period of its cadence (month, quarter, year) that lies inside the period asked
 * for; when its cadence is longer than that period (a yearly component in a quarter), for its own period up to the
 * end of the one asked for (the figures so far). A window (a SPIFF's months) narrows the period further.
 */
@Service
public class IncentiveCalculation {

	/** One person's line for one component and one period of its cadence, with everything a statement explains. */
	@Schema(name = "IncentivePreviewLine")
	public record Line(int component, String componentName, Metric metric, @Nullable Long productLineId,
			MeasuredOn measuredOn, String period, LocalDate from, LocalDate to, BigDecimal value,
			@Nullable BigDecimal quota, @Nullable BigDecimal attainment, int tier, @Nullable BigDecimal rate,
			BigDecimal tableAmount, BigDecimal multiplied, BigDecimal bonus, BigDecimal proration, BigDecimal capped,
			BigDecimal amount, Held held) {
	}

	/** A person's lines, their sum, what the plan's cap took and the amount. */
	@Schema(name = "IncentivePreviewPerson")
	public record PersonResult(long staffId, String name, LocalDate assignedFrom, @Nullable LocalDate assignedTo,
			List<Line> lines, BigDecimal earned, BigDecimal planCapped, BigDecimal amount) {
	}

	/** The preview of a plan version for a period: per person, and the total. */
	@Schema(name = "IncentivePreview")
	public record Preview(long planId, String planCode, int planNumber, PlanState planState, String period,
			LocalDate from, LocalDate to, List<PersonResult> people, BigDecimal total) {
	}

	private final IncentivePlans plans;
	private final MetricsQuery metrics;
	private final MetricsReports periods;
	private final QuotaReading quotas;
	private final OrgDirectory org;
	private final DataScopes scopes;
	private final io.rumbo.sales.OrderContributions orders;

	IncentiveCalculation(IncentivePlans plans, MetricsQuery metrics, MetricsReports periods, QuotaReading quotas,
			OrgDirectory org, DataScopes scopes, io.rumbo.sales.OrderContributions orders) {
		this.orders = orders;
		this.plans = plans;
		this.metrics = metrics;
		this.periods = periods;
		this.quotas = quotas;
		this.org = org;
		this.scopes = scopes;
	}

	/**
	 * The preview of plan {@code planId} for the period {@code periodCode} ({@code FY2026-Q1}; blank: the plan's
	 * year), for the people of the plan the reader may see.
	 */
	@Transactional(readOnly = true)
	public Preview preview(CurrentUser actor, long planId, @Nullable String periodCode) {
		return preview(actor, planId, periodCode, true);
	}

	/**
	 * The preview as a payout run reads it: the same people and lines, without their names (a run writes ids; the
	 * names of 5,000 people took 31 ms of a run in a profile, docs/benchmarks.md), people in the order of their ids.
	 */
	@Transactional(readOnly = true)
	Preview forRun(CurrentUser actor, long planId, String periodCode) {
		return preview(actor, planId, periodCode, false);
	}

	private Preview preview(CurrentUser actor, long planId, @Nullable String periodCode, boolean named) {
		IncentivePlan plan = plans.load(actor, planId);
		FiscalPeriod year = plans.year(plan.fiscalYear());
		FiscalPeriod period = periodCode == null || periodCode.isBlank() ? year : periods.period(periodCode);
		if (!year.contains(period)) {
			throw ValidationFailedException.of("period", "incentives.preview.period.outsideYear", plan.fiscalYear());
		}
		List<AssignmentStore.Row> rows = plans.effective(plan, scopes.of(actor))
			.stream()
			.filter(r -> !r.from().isAfter(period.lastDay()) && (r.to() == null || !r.to().isBefore(period.start())))
			.toList();
		PlanDetails details = plan.details();
		Map<Long, List<Line>> lines = new LinkedHashMap<>();
		rows.forEach(r -> lines.put(r.staffId(), new ArrayList<>()));
		inputs(plan, year, period, rows).forEach((staffId, inputs) -> inputs
			.forEach(in -> lines.get(staffId).add(line(in, Calculation.component(in.rules(), in.figures())))));
		Map<Long, String> names = named ? org.staffNames(lines.keySet()) : Map.of();
		List<PersonResult> people = new ArrayList<>();
		BigDecimal total = Amounts.money(BigDecimal.ZERO);
		for (AssignmentStore.Row row : rows) {
			List<Line> own = lines.get(row.staffId());
			var sum = Calculation.plan(own.stream().map(Line::amount).toList(), details.planCap());
			people.add(new PersonResult(row.staffId(), names.getOrDefault(row.staffId(), "#" + row.staffId()),
					row.from(), row.to(), own, sum.earned(), sum.capped(), sum.amount()));
			total = total.add(sum.amount());
		}
		people.sort(named ? java.util.Comparator.comparing(PersonResult::name).thenComparing(PersonResult::staffId)
				: java.util.Comparator.comparingLong(PersonResult::staffId));
		return new Preview(plan.id(), plan.code(), plan.number(), plan.state(), periods.code(period), period.start(),
				period.lastDay(), people, total);
	}

	/**
	 * What one component is calculated on for one person and one period of its cadence: the rules, the figures, and
	 * for a year-to-date gate the year's value and quota up to the span's end (what the estimator varies).
	 */
	record Input(int component, ComponentDetails details, ComponentRules rules, FiscalPeriod span, String period,
			Calculation.Figures figures, @Nullable BigDecimal ytdValue, @Nullable BigDecimal ytdQuota) {
	}

	/**
	 * The inputs of every person of {@code rows} on the plan in {@code period} (of the plan's {@code year}), per
	 * person in the order of the rows, per component and per span; spans the person's assignment does not touch are
	 * left out. Set-based: the figures are read once per measure and span for everyone.
	 */
	Map<Long, List<Input>> inputs(IncentivePlan plan, FiscalPeriod year, FiscalPeriod period,
			List<AssignmentStore.Row> rows) {
		PlanDetails details = plan.details();
		Map<Long, List<Input>> inputs = new LinkedHashMap<>();
		rows.forEach(r -> inputs.put(r.staffId(), new ArrayList<>()));
		Figures figures = new Figures(this, plan.fiscalYear(), year, rows.stream().map(r -> StaffId.of(r.staffId()))
			.toList(), quotaMonths(details, year, period));
		for (int i = 0; i < details.components().size(); i++) {
			ComponentDetails c = details.components().get(i);
			ComponentRules rules = PlanRules.rules(c);
			for (FiscalPeriod span : spans(c, year, period)) {
				String spanCode = periods.code(span);
				for (AssignmentStore.Row row : rows) {
					BigDecimal share = Proration.share(details.prorationRule(), span, row.from(), row.to());
					if (share.signum() == 0) {
						continue;
					}
					StaffId person = StaffId.of(row.staffId());
					Calculation.Figures input = figures.of(c, span, person, share);
					BigDecimal ytdValue = null;
					BigDecimal ytdQuota = null;
					if (c.ytdGatePercent() != null) {
						FiscalPeriod toDate = new FiscalPeriod(year.start(), span.end());
						ytdValue = figures.value(c, toDate).getOrDefault(figures.holder(c, span, person), BigDecimal.ZERO);
						ytdQuota = figures.quota(c, toDate, figures.holder(c, span, person));
					}
					inputs.get(row.staffId())
						.add(new Input(i + 1, c, rules, span, spanCode, input, ytdValue, ytdQuota));
				}
			}
		}
		return inputs;
	}

	/** The line of a calculated input. */
	static Line line(Input in, Outcome o) {
		ComponentDetails c = in.details();
		return new Line(in.component(), c.name(), c.metric(), c.productLineId(), c.measuredOn(), in.period(),
				in.span().start(), in.span().lastDay(), o.value(), o.quota(), o.attainment(), o.tier(), o.rate(),
				o.tableAmount(), o.multiplied(), o.bonus(), o.proration(), o.capped(), o.amount(), o.held());
	}

	/** The fiscal year of a plan. */
	FiscalPeriod year(int fiscalYear) {
		return plans.year(fiscalYear);
	}

	/** The code of a period ({@code FY2026-Q1}). */
	String code(FiscalPeriod period) {
		return periods.code(period);
	}

	/**
	 * The fiscal months (1 to 12) whose quotas the components read in {@code period}: from the first month of their
	 * earliest span (the year's first with a year-to-date gate or a retroactive table) to the period's last, so that
	 * a quarter's run of thousands of people reads three months of quotas, not twelve.
	 */
	static List<Integer> quotaMonths(PlanDetails details, FiscalPeriod year, FiscalPeriod period) {
		LocalDate from = period.start();
		for (ComponentDetails c : details.components()) {
			if (c.ytdGatePercent() != null || c.kind() == TableKind.RETROACTIVE) {
				from = year.start();
			}
			for (FiscalPeriod span : spans(c, year, period)) {
				if (span.start().isBefore(from)) {
					from = span.start();
				}
			}
		}
		List<Integer> months = new ArrayList<>();
		for (long m = ChronoUnit.MONTHS.between(year.start(), from); m < 12
				&& year.start().plusMonths(m).isBefore(period.end()); m++) {
			months.add((int) m + 1);
		}
		return months;
	}

	/** The periods of the component's cadence calculated inside {@code period}, narrowed to its window. */
	static List<FiscalPeriod> spans(ComponentDetails c, FiscalPeriod year, FiscalPeriod period) {
		int months = switch (c.cadence()) {
			case MONTH -> 1;
			case QUARTER -> 3;
			case YEAR -> 12;
		};
		List<FiscalPeriod> inside = new ArrayList<>();
		FiscalPeriod containing = null;
		for (LocalDate start = year.start(); start.isBefore(year.end()); start = start.plusMonths(months)) {
			FiscalPeriod span = new FiscalPeriod(start, start.plusMonths(months));
			if (period.contains(span)) {
				inside.add(span);
			}
			else if (span.contains(period.start())) {
				containing = new FiscalPeriod(span.start(), period.end());
			}
		}
		if (inside.isEmpty() && containing != null) {
			inside.add(containing);
		}
		List<FiscalPeriod> windowed = new ArrayList<>();
		for (FiscalPeriod span : inside) {
			LocalDate from = c.windowFrom() != null && c.windowFrom().isAfter(span.start()) ? c.windowFrom()
					: span.start();
			LocalDate end = c.windowTo() != null && c.windowTo().plusDays(1).isBefore(span.end())
					? c.windowTo().plusDays(1) : span.end();
			if (end.isAfter(from)) {
				windowed.add(new FiscalPeriod(from, end));
			}
		}
		return windowed;
	}

	/**
	 * The figures of a preview, read once per measure, line, kind of holder and span for everyone and kept: the
	 * values (the person's or their unit's), the year's quotas, and for gates and retroactive tables the year to date.
	 */
	private static final class Figures {

		private final IncentiveCalculation source;
		private final int fiscalYear;
		private final FiscalPeriod year;
		private final List<StaffId> people;
		private final List<Integer> quotaMonths;
		/** What a value read is kept under: per person of the loop, a record's hash, not a string built each time. */
		private record ValueKey(Metric metric, @Nullable Long line, MeasuredOn on, FiscalPeriod span) {
		}

		private record QuotaKey(Metric metric, MeasuredOn on) {
		}

		private final Map<ValueKey, Map<Long, BigDecimal>> values = new HashMap<>();
		private final Map<QuotaKey, Map<Long, Map<LocalDate, BigDecimal>>> quotas = new HashMap<>();
		private final Map<LocalDate, Map<StaffId, UnitId>> units = new HashMap<>();

		Figures(IncentiveCalculation source, int fiscalYear, FiscalPeriod year, List<StaffId> people,
				List<Integer> quotaMonths) {
			this.source = source;
			this.fiscalYear = fiscalYear;
			this.year = year;
			this.people = people;
			this.quotaMonths = quotaMonths;
		}

		Calculation.Figures of(ComponentDetails c, FiscalPeriod span, StaffId person, BigDecimal share) {
			long holder = holder(c, span, person);
			BigDecimal value = value(c, span).getOrDefault(holder, BigDecimal.ZERO);
			BigDecimal quota = PlanRules.needsQuota(c) ? quota(c, span, holder) : null;
			Calculation.Figures figures = new Calculation.Figures(value, quota, null, BigDecimal.ZERO, null, share);
			if (c.ytdGatePercent() != null) {
				FiscalPeriod toDate = new FiscalPeriod(year.start(), span.end());
				BigDecimal ytdQuota = quota(c, toDate, holder);
				BigDecimal ytdValue = value(c, toDate).getOrDefault(holder, BigDecimal.ZERO);
				figures = figures.yearToDate(ytdQuota == null || ytdQuota.signum() <= 0 ? null
						: ytdValue.multiply(Amounts.HUNDRED).divide(ytdQuota, MathContext.DECIMAL128));
			}
			if (c.kind() == TableKind.RETROACTIVE && span.start().isAfter(year.start())) {
				FiscalPeriod before = new FiscalPeriod(year.start(), span.start());
				figures = figures.after(value(c, before).getOrDefault(holder, BigDecimal.ZERO),
						PlanRules.needsQuota(c) ? quota(c, before, holder) : null);
			}
			return figures;
		}

		/** The person, or for a team component the unit they are in on the span's last day. */
		long holder(ComponentDetails c, FiscalPeriod span, StaffId person) {
			if (c.measuredOn() == MeasuredOn.PERSON) {
				return person.value();
			}
			UnitId unit = unitsOn(span.lastDay()).get(person);
			return unit == null ? -1 : unit.value();
		}

		private Map<StaffId, UnitId> unitsOn(LocalDate day) {
			return units.computeIfAbsent(day, d -> source.org.unitsOfStaffOn(people, d));
		}

		Map<Long, BigDecimal> value(ComponentDetails c, FiscalPeriod span) {
			ValueKey key = new ValueKey(c.metric(), c.productLineId(), c.measuredOn(), span);
			return values.computeIfAbsent(key, k -> {
				Map<Long, BigDecimal> byHolder = new HashMap<>();
				if (c.measuredOn() == MeasuredOn.TEAM) {
					Collection<UnitId> teams = Set.copyOf(unitsOn(span.lastDay()).values());
					source.metrics.byUnit(c.metric(), span, teams).forEach((u, v) -> byHolder.put(u.value(), v));
				}
				else if (c.productLineId() != null && PlanRules.perDeal(c)) {
					// A SPIFF per deal of a line: the span's booked orders with a line of it, once per credit.
					var read = source.orders.dated(span.start(), span.end());
					byHolder.putAll(io.rumbo.incentives.domain.Deals.perPerson(read.lines()
						.stream()
						.map(l -> new io.rumbo.incentives.domain.Deals.Part(l.orderId(), l.staffId(), l.lineId(),
								l.net()))
						.toList(), read.counts()
						.stream()
						.map(o -> new io.rumbo.incentives.domain.Deals.Counted(o.orderId(), o.staffId()))
						.toList(), c.productLineId(), people.stream().map(StaffId::value)
						.collect(java.util.stream.Collectors.toSet())));
				}
				else if (c.productLineId() != null) {
					source.metrics.byPersonOfLine(c.metric(), span, people, c.productLineId())
						.forEach((p, v) -> byHolder.put(p.value(), v));
				}
				else {
					source.metrics.byPerson(c.metric(), span, people).forEach((p, v) -> byHolder.put(p.value(), v));
				}
				return byHolder;
			});
		}

		/**
		 * The quota of the holder over the span's months: their sum, or their mean for a rate or an average (as
		 * attainment reads them); null when none is published.
		 */
		@Nullable BigDecimal quota(ComponentDetails c, FiscalPeriod span, long holder) {
			QuotaKey key = new QuotaKey(c.metric(), c.measuredOn());
			Map<Long, Map<LocalDate, BigDecimal>> monthly = quotas.computeIfAbsent(key, k -> {
				Map<Long, Map<LocalDate, BigDecimal>> byHolder = new HashMap<>();
				if (c.measuredOn() == MeasuredOn.TEAM) {
					Set<UnitId> teams = new java.util.HashSet<>();
					units.values().forEach(m -> teams.addAll(m.values()));
					teams.addAll(unitsOn(year.lastDay()).values());
					source.quotas.unitQuotas(fiscalYear, teams, Set.of(c.metric()))
						.forEach(q -> byHolder.computeIfAbsent(q.unit().value(), u -> new HashMap<>())
							.merge(q.month(), q.amount(), BigDecimal::add));
				}
				else {
					source.quotas.personQuotas(fiscalYear, people, Set.of(c.metric()), quotaMonths)
						.forEach(q -> byHolder.computeIfAbsent(q.staff().value(), u -> new HashMap<>())
							.merge(q.month(), q.amount(), BigDecimal::add));
				}
				return byHolder;
			});
			Map<LocalDate, BigDecimal> months = monthly.get(holder);
			if (months == null) {
				return null;
			}
			BigDecimal sum = BigDecimal.ZERO;
			int inSpan = 0;
			for (Map.Entry<LocalDate, BigDecimal> e : months.entrySet()) {
				if (e.getValue() != null && span.contains(e.getKey())) {
					sum = sum.add(e.getValue());
					inSpan++;
				}
			}
			if (inSpan == 0) {
				return null;
			}
			boolean mean = c.metric().aggregation() == Aggregation.RATIO
					|| c.metric().aggregation() == Aggregation.AVERAGE;
			return mean ? sum.divide(BigDecimal.valueOf(inSpan), MathContext.DECIMAL128) : sum;
		}
	}
}
