package io.rumbo.quotas.domain;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.rumbo.organization.OrgDirectory.Stay;

/**
 * Where each person counts in each fiscal month: the unit they belonged to on the month's 15th (its middle), so a
 * month is carried whole by one unit and a person who joins, leaves or moves is prorated by month in each unit.
 */
public final class Presence {

	/** A person's unit in each of the twelve months (absent: not in the organisation that month), and hire date. */
	public record Months(long staffId, @Nullable Long[] units, LocalDate hireDate, String name) {
	}

	private Presence() {
	}

	/** The middle of each fiscal month. */
	public static LocalDate middle(LocalDate monthStart) {
		return monthStart.plusDays(14);
	}

	/** Each person's months, from their stays, in the order of their ids. */
	public static Map<Long, Months> of(List<Stay> stays, List<LocalDate> monthStarts) {
		Map<Long, Months> result = new LinkedHashMap<>();
		for (Stay stay : stays) {
			Months months = result.computeIfAbsent(stay.staff().value(),
					id -> new Months(id, new Long[12], stay.hireDate(), stay.fullName()));
			for (int m = 0; m < monthStarts.size(); m++) {
				LocalDate mid = middle(monthStarts.get(m));
				if (!mid.isBefore(stay.from()) && (stay.to() == null || mid.isBefore(stay.to()))) {
					months.units()[m] = stay.unit().value();
				}
			}
		}
		result.values().removeIf(m -> java.util.Arrays.stream(m.units()).allMatch(java.util.Objects::isNull));
		return result;
	}
}
