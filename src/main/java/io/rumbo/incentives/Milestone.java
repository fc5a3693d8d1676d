package io.rumbo.incentives;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The milestones of attainment a badge is earned for: 50, 90, 100 and 120 % of quota in a period. A milestone is
 * reached at exactly its percentage (100.00 % earns the 100 % badge).
 */
public enum Milestone {
	HALF(50), NEAR(90), QUOTA(100), BEYOND(120);

	private final int percent;

	Milestone(int percent) {
		this.percent = percent;
	}

	public int percent() {
		return percent;
	}

	public BigDecimal threshold() {
		return BigDecimal.valueOf(percent);
	}

	/** Every milestone an attainment (in percent, 87.50 for 87.5 %) has reached; none for no attainment. */
	public static List<Milestone> reached(@Nullable BigDecimal attainment) {
		if (attainment == null) {
			return List.of();
		}
		return Arrays.stream(values()).filter(m -> attainment.compareTo(m.threshold()) >= 0).toList();
	}

	public static Milestone ofPercent(int percent) {
		return Arrays.stream(values()).filter(m -> m.percent == percent).findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No milestone at " + percent + " %"));
	}
}
