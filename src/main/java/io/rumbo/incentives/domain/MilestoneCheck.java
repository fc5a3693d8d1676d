package io.rumbo.incentives.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.rumbo.incentives.Milestone;
import io.rumbo.quotas.AttainmentViews.TrendPoint;

/**
 * Which milestones a person's attainment in a period has passed, and the day each was earned: the last day of the
 * first month whose cumulative attainment reached it, or today while that month is still running (so a closed
 * month gives the same day whenever it is checked, and the running one the day the check first saw it).
 */
public final class MilestoneCheck {

	/** A milestone reached, on that day. */
	public record Earned(Milestone milestone, LocalDate on) {
	}

	private MilestoneCheck() {
	}

	/**
	 * @param attainment the period's attainment so far, in percent (null without a quota)
	 * @param trend the cumulative attainment at the end of each month of the period begun so far
	 * @param periodLastDay the period's last day
	 * @param today the day of the check
	 */
	public static List<Earned> earned(@Nullable BigDecimal attainment, List<TrendPoint> trend, LocalDate periodLastDay,
			LocalDate today) {
		List<Earned> earned = new ArrayList<>();
		for (Milestone milestone : Milestone.reached(attainment)) {
			LocalDate on = null;
			for (TrendPoint point : trend) {
				if (point.attainment() != null && point.attainment().compareTo(milestone.threshold()) >= 0) {
					on = point.month().withDayOfMonth(point.month().lengthOfMonth());
					break;
				}
			}
			LocalDate last = periodLastDay.isBefore(today) ? periodLastDay : today;
			earned.add(new Earned(milestone, on == null || on.isAfter(last) ? last : on));
		}
		return earned;
	}
}
