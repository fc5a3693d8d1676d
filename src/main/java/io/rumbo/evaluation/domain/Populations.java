package io.rumbo.evaluation.domain;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.rumbo.organization.JobRole;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.organization.UnitId;

/**
 * Who a population is between two days: the people of the job role (every role when none is given) who belonged to
 * the unit's subtree (anywhere when none is given) on some day of it, each with the unit they were in on the first of
 * those days. Two statements: the stays of the period and the subtree.
 */
@Component
public class Populations {

	/** A member of a population, in the unit the evaluation files them under. */
	public record Member(long staffId, long unitId, String name, JobRole jobRole) {
	}

	private final OrgDirectory org;

	Populations(OrgDirectory org) {
		this.org = org;
	}

	/** The members between {@code from} (included) and {@code to} (excluded), by staff id, in the order of names. */
	public Map<Long, Member> members(@Nullable JobRole role, @Nullable Long unit, LocalDate from, LocalDate to) {
		Set<JobRole> roles = role == null ? EnumSet.allOf(JobRole.class) : EnumSet.of(role);
		Set<UnitId> subtree = unit == null ? null : org.subtree(UnitId.of(unit));
		Map<Long, Member> members = new LinkedHashMap<>();
		org.staysBetween(from, to, roles).stream()
			.filter(s -> subtree == null || subtree.contains(s.unit()))
			.sorted(java.util.Comparator.comparing(OrgDirectory.Stay::fullName).thenComparing(OrgDirectory.Stay::from))
			.forEach(s -> members.putIfAbsent(s.staff().value(),
					new Member(s.staff().value(), s.unit().value(), s.fullName(), s.jobRole())));
		return members;
	}

	/** Whether a person belongs to the population today. */
	public boolean includes(@Nullable JobRole role, @Nullable Long unit, long staffId, LocalDate today) {
		return members(role, unit, today, today.plusDays(1)).containsKey(staffId);
	}
}
