package io.rumbo.sizing.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.shared.money.Amounts;
import io.rumbo.sizing.SizingInputs;
import io.rumbo.sizing.SizingMethod;
import io.rumbo.sizing.Working;
import io.rumbo.sizing.Working.Step;

/**
 * The five sizing calculators (docs/sizing.md). Pure: figures in, a {@link Working} out, every step a line with its
 * formula and numbers, so a reader can redo the sum by hand. Headcounts are rounded up (half a salesperson is one
 * more to hire); amounts to cents, half up, once at the end of each step shown.
 */
public final class Calculators {

	private static final MathContext PRECISION = MathContext.DECIMAL64;

	/** The incremental method stops here whatever the curve says; one more answers a field error. */
	static final int MAX_SALESPEOPLE = 10_000;

	private Calculators() {
	}

	public static Working calculate(SizingMethod method, SizingInputs inputs) {
		return switch (method) {
			case WORKLOAD -> workload(inputs);
			case BREAKDOWN -> breakdown(inputs);
			case INCREMENTAL -> incremental(inputs);
			case BREAK_EVEN -> breakEven(inputs);
			case CAPACITY -> capacity(inputs);
		};
	}

	/**
	 * Calls a year = the sum over potential classes of accounts x calls a year; salespeople = calls / calls a
	 * salesperson makes a year, given or worked out as selling hours / call length.
	 */
	static Working workload(SizingInputs in) {
		List<Step> steps = new ArrayList<>();
		if (in.groups().isEmpty()) {
			throw ValidationFailedException.of("groups", "sizing.error.groups");
		}
		BigDecimal calls = BigDecimal.ZERO;
		for (SizingInputs.Group g : in.groups()) {
			nonNegative("groups", g.count());
			nonNegative("groups", g.amount());
			BigDecimal classCalls = g.count().multiply(g.amount());
			steps.add(Step.of("sizing.step.workload.class", g.label(), g.count(), g.amount(), classCalls));
			calls = calls.add(classCalls);
		}
		steps.add(Step.of("sizing.step.workload.calls", calls));
		BigDecimal perPerson = in.value("callsPerSalesperson");
		if (perPerson == null) {
			BigDecimal hours = positive("sellingHours", in.value("sellingHours"));
			BigDecimal length = positive("callLengthHours", in.value("callLengthHours"));
			perPerson = hours.divide(length, 0, RoundingMode.DOWN);
			steps.add(Step.of("sizing.step.workload.perPerson", hours, length, perPerson));
			if (perPerson.signum() == 0) {
				throw ValidationFailedException.of("callLengthHours", "sizing.error.callLength");
			}
		}
		else {
			positive("callsPerSalesperson", perPerson);
		}
		BigDecimal exact = calls.divide(perPerson, 4, RoundingMode.HALF_UP);
		BigDecimal people = calls.divide(perPerson, 0, RoundingMode.CEILING);
		steps.add(Step.of("sizing.step.workload.people", calls, perPerson, exact, people));
		return new Working(SizingMethod.WORKLOAD, steps, people);
	}

	/** Salespeople = forecast sales / sales per salesperson x (1 + turnover), rounded up. */
	static Working breakdown(SizingInputs in) {
		BigDecimal sales = positive("forecastSales", in.value("forecastSales"));
		BigDecimal perPerson = positive("salesPerSalesperson", in.value("salesPerSalesperson"));
		BigDecimal turnover = percent("turnoverPercent", in.value("turnoverPercent"));
		List<Step> steps = new ArrayList<>();
		BigDecimal base = sales.divide(perPerson, 4, RoundingMode.HALF_UP);
		steps.add(Step.of("sizing.step.breakdown.base", sales, perPerson, base));
		BigDecimal adjusted = base.multiply(BigDecimal.ONE.add(turnover.divide(Amounts.HUNDRED)));
		steps.add(Step.of("sizing.step.breakdown.turnover", base, turnover, adjusted.setScale(4, RoundingMode.HALF_UP)));
		BigDecimal people = adjusted.setScale(0, RoundingMode.CEILING);
		steps.add(Step.of("sizing.step.breakdown.people", people));
		return new Working(SizingMethod.BREAKDOWN, steps, people);
	}

	/**
	 * Adds one salesperson at a time while the revenue they add, a x n^b - a x (n-1)^b, is more than what they cost:
	 * the last one added is the size, with its revenue, cost and profit. With b = 0.5 the curve is a x sqrt(n).
	 */
	static Working incremental(SizingInputs in) {
		BigDecimal a = positive("revenueFactor", in.value("revenueFactor"));
		BigDecimal b = in.value("exponent") == null ? new BigDecimal("0.5") : in.value("exponent");
		if (b.signum() <= 0 || b.compareTo(BigDecimal.ONE) >= 0) {
			throw ValidationFailedException.of("exponent", "sizing.error.exponent");
		}
		BigDecimal cost = positive("costPerSalesperson", in.value("costPerSalesperson"));
		int max = in.value("maxSalespeople") == null ? MAX_SALESPEOPLE
				: Math.min(MAX_SALESPEOPLE, positive("maxSalespeople", in.value("maxSalespeople")).intValue());
		List<Step> steps = new ArrayList<>();
		steps.add(Step.of("sizing.step.incremental.curve", a, b, cost));
		BigDecimal previous = BigDecimal.ZERO;
		int n = 0;
		List<Step> rows = new ArrayList<>();
		while (n < max) {
			BigDecimal revenue = a.multiply(power(n + 1, b), PRECISION);
			BigDecimal marginal = revenue.subtract(previous).subtract(cost);
			rows.add(Step.of("sizing.step.incremental.row", n + 1, money(revenue), money(cost.multiply(
					BigDecimal.valueOf(n + 1L))), money(marginal)));
			if (marginal.signum() <= 0) {
				break;
			}
			previous = revenue;
			n++;
		}
		// The table shows every row for a small team, the first and the last few for a large one.
		if (rows.size() <= 40) {
			steps.addAll(rows);
		}
		else {
			steps.addAll(rows.subList(0, 3));
			steps.add(Step.of("sizing.step.incremental.skipped", rows.size() - 8));
			steps.addAll(rows.subList(rows.size() - 5, rows.size()));
		}
		BigDecimal revenue = money(previous);
		BigDecimal totalCost = money(cost.multiply(BigDecimal.valueOf(n)));
		BigDecimal profit = revenue.subtract(totalCost);
		steps.add(Step.of("sizing.step.incremental.result", n, revenue, totalCost, profit));
		return new Working(SizingMethod.INCREMENTAL, steps, BigDecimal.valueOf(n));
	}

	/**
	 * Break-even sales of a new hire = what they cost a year / the gross margin rate; the ratio of expected sales to
	 * that, when expected sales are given, says how many times over they pay for themselves.
	 */
	static Working breakEven(SizingInputs in) {
		BigDecimal cost = positive("costPerHire", in.value("costPerHire"));
		BigDecimal margin = positive("marginPercent", in.value("marginPercent"));
		if (margin.compareTo(Amounts.HUNDRED) > 0) {
			throw ValidationFailedException.of("marginPercent", "sizing.error.percent");
		}
		List<Step> steps = new ArrayList<>();
		BigDecimal breakEven = money(cost.multiply(Amounts.HUNDRED).divide(margin, PRECISION));
		steps.add(Step.of("sizing.step.breakEven.sales", cost, margin, breakEven));
		BigDecimal expected = in.value("expectedSales");
		if (expected != null) {
			nonNegative("expectedSales", expected);
			BigDecimal ratio = expected.divide(breakEven, 2, RoundingMode.HALF_UP);
			steps.add(Step.of("sizing.step.breakEven.ratio", expected, breakEven, ratio));
		}
		return new Working(SizingMethod.BREAK_EVEN, steps, breakEven);
	}

	/**
	 * Capacity = the sum over tenure groups of people x quota x productivity, less what the people expected to leave
	 * would have sold: leavers go on average half-way through the year, so x (1 - attrition / 2).
	 */
	static Working capacity(SizingInputs in) {
		if (in.groups().isEmpty()) {
			throw ValidationFailedException.of("groups", "sizing.error.groups");
		}
		List<Step> steps = new ArrayList<>();
		BigDecimal total = BigDecimal.ZERO;
		for (SizingInputs.Group g : in.groups()) {
			nonNegative("groups", g.count());
			nonNegative("groups", g.amount());
			BigDecimal productivity = g.percent() == null ? Amounts.HUNDRED : percent("groups", g.percent());
			BigDecimal sells = money(g.count().multiply(g.amount()).multiply(productivity).divide(Amounts.HUNDRED));
			steps.add(Step.of("sizing.step.capacity.group", g.label(), g.count(), g.amount(), productivity, sells));
			total = total.add(sells);
		}
		steps.add(Step.of("sizing.step.capacity.total", total));
		BigDecimal attrition = percent("attritionPercent", in.value("attritionPercent"));
		if (attrition.signum() > 0) {
			BigDecimal kept = money(total.multiply(BigDecimal.ONE.subtract(attrition.divide(new BigDecimal("200"),
					PRECISION))));
			steps.add(Step.of("sizing.step.capacity.attrition", total, attrition, kept));
			total = kept;
		}
		return new Working(SizingMethod.CAPACITY, steps, total);
	}

	/** n^b: the square root exactly for b = 0.5, otherwise through logarithms (a factor, never an amount). */
	static BigDecimal power(int n, BigDecimal b) {
		if (b.compareTo(new BigDecimal("0.5")) == 0) {
			return BigDecimal.valueOf(n).sqrt(PRECISION);
		}
		return new BigDecimal(Math.exp(b.doubleValue() * Math.log(n)), PRECISION);
	}

	private static BigDecimal money(BigDecimal value) {
		return value.setScale(Amounts.MONEY_SCALE, Amounts.ROUNDING);
	}

	private static BigDecimal positive(String field, @Nullable BigDecimal value) {
		if (value == null) {
			throw ValidationFailedException.of(field, "sizing.error.required");
		}
		if (value.signum() <= 0) {
			throw ValidationFailedException.of(field, "sizing.error.positive");
		}
		return value;
	}

	private static void nonNegative(String field, BigDecimal value) {
		if (value.signum() < 0) {
			throw ValidationFailedException.of(field, "sizing.error.negative");
		}
	}

	private static BigDecimal percent(String field, @Nullable BigDecimal value) {
		if (value == null) {
			return BigDecimal.ZERO;
		}
		if (value.signum() < 0 || value.compareTo(Amounts.HUNDRED) > 0) {
			throw ValidationFailedException.of(field, "sizing.error.percent");
		}
		return value;
	}
}
