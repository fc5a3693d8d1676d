package io.rumbo.quotas;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.organization.DataScope;
import io.rumbo.organization.DataScopes;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.planning.FiscalCalendar;
import io.rumbo.quotas.domain.Allocator;
import io.rumbo.quotas.domain.QuotaStore;
import io.rumbo.quotas.domain.QuotaStore.VersionRow;
import io.rumbo.shared.time.FiscalYears;

/**
 * Where a version and the organisation disagree on who sells where: the people moved since the version was made,
 * for the plan page's list and for prorating their quotas (decision 0010).
 */
@Service
public class QuotaUnitChanges {

	private final QuotaQueries queries;
	private final QuotaStore store;
	private final Allocator allocator;
	private final FiscalCalendar calendar;
	private final OrgDirectory org;
	private final DataScopes scopes;

	QuotaUnitChanges(QuotaQueries queries, QuotaStore store, Allocator allocator, FiscalCalendar calendar,
			OrgDirectory org, DataScopes scopes) {
		this.queries = queries;
		this.store = store;
		this.allocator = allocator;
		this.calendar = calendar;
		this.org = org;
		this.scopes = scopes;
	}

	/** A person the version counts elsewhere than the organisation does, with every unit the difference touches. */
	record Reseat(QuotaViews.QuotaUnitChange change, Set<Long> units) {
	}

	/**
	 * The people whose unit, by month, differs between the version and the organisation today, by name; for a
	 * director all of them, for a manager those touching a unit of theirs whose figure is published (they may prorate
	 * those whose every unit concerned is theirs), for others none.
	 */
	@Transactional(readOnly = true)
	public List<QuotaViews.QuotaUnitChange> unitChanges(CurrentUser actor, long versionId) {
		return reseats(actor, queries.versionOf(versionId)).stream().map(Reseat::change).toList();
	}

	List<Reseat> reseats(CurrentUser actor, VersionRow v) {
		boolean director = QuotaAccess.isDirector(actor);
		if (!director && (v.state() == QuotaStore.State.DRAFT || !actor.has(Role.MANAGER))) {
			return List.of();
		}
		DataScope scope = scopes.of(actor);
		Map<Long, Long[]> counted = store.membership(v.id());
		Map<Long, io.rumbo.quotas.domain.Presence.Months> now = allocator.org(v.fiscalYear()).people();
		Set<Long> people = new java.util.TreeSet<>(counted.keySet());
		people.addAll(now.keySet());
		Map<Long, Boolean> visible = new HashMap<>();
		record Found(long staff, int month, @Nullable Long from, @Nullable Long to, Set<Long> units) {
		}
		List<Found> found = new ArrayList<>();
		for (long staff : people) {
			Long[] before = counted.getOrDefault(staff, new Long[12]);
			io.rumbo.quotas.domain.Presence.Months today = now.get(staff);
			Long[] after = today == null ? new Long[12] : today.units();
			int first = -1;
			Set<Long> units = new LinkedHashSet<>();
			for (int m = 0; m < 12; m++) {
				if (!Objects.equals(before[m], after[m])) {
					first = first < 0 ? m : first;
					if (before[m] != null) {
						units.add(before[m]);
					}
					if (after[m] != null) {
						units.add(after[m]);
					}
				}
			}
			if (first >= 0) {
				found.add(new Found(staff, first, before[first], after[first], units));
			}
		}
		List<Long> staffIds = found.stream().map(Found::staff).toList();
		Map<Long, String> names = org.staffNames(staffIds);
		Map<Long, String> numbers = org.employeeNumbers(staffIds);
		Map<Long, String> unitNames = org.unitNames(found.stream().flatMap(f -> f.units().stream()).distinct().toList());
		FiscalYears years = calendar.years();
		List<Reseat> result = new ArrayList<>();
		for (Found f : found) {
			java.util.function.Predicate<Long> theirs = u -> scope.managedUnitIds().contains(u)
					&& visible.computeIfAbsent(u, x -> queries.figurePublished(v, x));
			boolean touches = director || f.units().stream().anyMatch(theirs);
			if (!touches) {
				continue;
			}
			boolean may = director || f.units().stream().allMatch(theirs);
			result.add(new Reseat(new QuotaViews.QuotaUnitChange(f.staff(), numbers.getOrDefault(f.staff(), ""),
					names.getOrDefault(f.staff(), "#" + f.staff()), years.code(years.month(v.fiscalYear(), f.month() + 1)),
					f.from(), f.from() == null ? null : unitNames.get(f.from()), f.to(),
					f.to() == null ? null : unitNames.get(f.to()), may), f.units()));
		}
		result.sort(java.util.Comparator.comparing(r -> r.change().name()));
		return result;
	}
}
