package io.rumbo.incentives.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import io.rumbo.incentives.PlanViews.ComponentDetails;
import io.rumbo.incentives.PlanViews.TierLine;
import io.rumbo.incentives.TableBasis;

/**
 * The curve a plan page draws for a component: what it pays from 0 to 200 % of a reference quota (an attainment
 * table), or from 0 to one and a half times its highest tier boundary (a value table), in 40 steps, by the same
 * {@link Calculation} as the preview (a whole period, no proration or gate).
 */
public final class PayoutCurve {

	/** The reference quota of an attainment table's curve. */
	public static final BigDecimal REFERENCE_QUOTA = new BigDecimal("100000");

	private static final int STEPS = 40;

	private PayoutCurve() {
	}

	/** One point: x (attainment % or value) and the amount paid. */
	public record Point(BigDecimal x, BigDecimal amount) {
	}

	public static List<Point> of(ComponentDetails c) {
		ComponentRules rules = PlanRules.rules(c).withoutYtdGate();
		boolean attainment = c.basis() == TableBasis.ATTAINMENT || PlanRules.needsQuota(c);
		BigDecimal top = attainment ? new BigDecimal("200") : highest(c).multiply(new BigDecimal("1.5"));
		List<Point> points = new ArrayList<>();
		for (int i = 0; i <= STEPS; i++) {
			BigDecimal x = top.multiply(BigDecimal.valueOf(i)).divide(BigDecimal.valueOf(STEPS), 2,
					java.math.RoundingMode.HALF_UP);
			BigDecimal value = attainment ? REFERENCE_QUOTA.multiply(x).divide(io.rumbo.shared.money.Amounts.HUNDRED)
					: x;
			Calculation.Outcome o = Calculation.component(rules,
					Calculation.Figures.of(value, attainment ? REFERENCE_QUOTA : null));
			points.add(new Point(x, o.amount()));
		}
		return points;
	}

	private static BigDecimal highest(ComponentDetails c) {
		BigDecimal top = BigDecimal.ZERO;
		for (TierLine t : c.tiers()) {
			top = top.max(t.from() == null ? BigDecimal.ZERO : t.from()).max(t.to() == null ? BigDecimal.ZERO : t.to());
		}
		return top.signum() == 0 ? new BigDecimal("100") : top;
	}
}
