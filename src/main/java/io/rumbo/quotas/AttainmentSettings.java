package io.rumbo.quotas;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.rumbo.quotas.domain.Pacing;
import io.rumbo.quotas.domain.WorkingDays;

/**
 * How attainment is paced and shown ({@code rumbo.attainment.*}).
 *
 * @param pace what is expected by a day: by working days or by the quota's own monthly shape
 * @param atRiskThreshold a projection under this percentage of the quota flags it at risk
 * @param leaderboardNames whether salespeople see everyone's name on the leaderboard; when false a reader sees the
 *        rows of the people in their data scope only (a salesperson: their own rank), ranked among everyone
 * @param holidays the company's holidays (ISO dates), which are no working days
 */
@ConfigurationProperties("rumbo.attainment")
public record AttainmentSettings(@DefaultValue("WORKING_DAYS") PaceMethod pace,
		@DefaultValue("90") BigDecimal atRiskThreshold, @DefaultValue("true") boolean leaderboardNames,
		@DefaultValue List<String> holidays) {

	public AttainmentSettings {
		holidays = List.copyOf(holidays);
	}

	/** The pacing rules these settings describe. */
	public Pacing pacing() {
		return new Pacing(WorkingDays.except(holidays.stream().map(String::trim).filter(s -> !s.isEmpty())
			.map(LocalDate::parse).toList()), pace, atRiskThreshold);
	}
}
