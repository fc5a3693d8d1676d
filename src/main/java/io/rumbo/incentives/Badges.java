package io.rumbo.incentives;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.incentives.RecognitionViews.BadgeView;
import io.rumbo.incentives.domain.BadgeStore;
import io.rumbo.incentives.domain.BadgeStore.Found;
import io.rumbo.incentives.domain.MilestoneCheck;
import io.rumbo.metrics.Metric;
import io.rumbo.organization.DataScope;
import io.rumbo.organization.DataScopes;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.organization.StaffId;
import io.rumbo.quotas.Attainment;
import io.rumbo.quotas.AttainmentViews.Row;
import io.rumbo.shared.export.ExportCursor;
import io.rumbo.shared.time.FiscalPeriod;
import io.rumbo.shared.time.FiscalYears;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.PageResponse;

/**
 * Milestone badges: a person whose attainment of the quota of a measure passes 50, 90, 100 or 120 % in a fiscal month
 * or quarter earns the badge once, with the day it was earned ({@link MilestoneCheck}). A check reads the attainment
 * of every quota holder at once through the quotas' {@link Attainment} (a few statements per measure and period,
 * whatever the number of people) and writes the badges not yet recorded in one batch, announcing each new one as
 * {@link BadgeEarned}. The regular check covers this and the last month and quarter; the rebuild every month and
 * quarter of this fiscal year and the last, and gives what the checks gave: badges found again keep their day, badges
 * no longer reached (a quota revised upwards, an order returned) are removed.
 */
@Service
public class Badges {

	public static final Map<String, String> SORTS = Map.of("earnedOn", "b.earned_on", "threshold", "b.threshold",
			"period", "b.period_start", "attainment", "b.attainment");

	/** List filter: a person, a measure's code, a period's code, a threshold in percent. */
	public record Filter(@Nullable Long staffId, @Nullable String measure, @Nullable String period,
			@Nullable Integer threshold) {
	}

	/** What a check or a rebuild did. */
	public record CheckReport(int periods, int found, int added, int removed) {
	}

	private final BadgeStore store;
	private final RecognitionPeriods periods;
	private final Attainment attainment;
	private final RecognitionSettings settings;
	private final OrgDirectory org;
	private final DataScopes scopes;
	private final ApplicationEventPublisher events;

	Badges(BadgeStore store, RecognitionPeriods periods, Attainment attainment, RecognitionSettings settings,
			OrgDirectory org, DataScopes scopes, ApplicationEventPublisher events) {
		this.store = store;
		this.periods = periods;
		this.attainment = attainment;
		this.settings = settings;
		this.org = org;
		this.scopes = scopes;
		this.events = events;
	}

	/** The regular check: this month and quarter and the ones before; badges already recorded stay as they are. */
	@Transactional
	public CheckReport check() {
		List<FiscalPeriod> recent = periods.recentBadgePeriods();
		List<Found> found = find(recent);
		List<Found> added = store.insertMissing(found);
		announce(added);
		return new CheckReport(recent.size(), found.size(), added.size(), 0);
	}

	/** Every month and quarter of this fiscal year and the last, checked again from the figures. */
	@Transactional
	public CheckReport rebuild() {
		List<FiscalPeriod> all = periods.badgePeriodsSince(1);
		List<Found> found = find(all);
		FiscalYears years = periods.years();
		Set<String> keep = new HashSet<>();
		found.forEach(f -> keep.add(f.key()));
		int removed = store.deleteAllBut(all.stream().map(years::code).toList(), keep);
		List<Found> added = store.insertMissing(found);
		announce(added);
		return new CheckReport(all.size(), found.size(), added.size(), removed);
	}

	private List<Found> find(List<FiscalPeriod> list) {
		FiscalYears years = periods.years();
		LocalDate today = periods.today();
		List<Metric> measures = settings.measures();
		List<Found> found = new ArrayList<>();
		for (FiscalPeriod period : list) {
			String code = years.code(period);
			AwardPeriodKind kind = RecognitionPeriods.kindOf(years, period);
			for (Row row : attainment.people(Awards.SYSTEM, code, measures, null)) {
				if (row.unitId() == null) {
					continue;
				}
				for (MilestoneCheck.Earned earned : MilestoneCheck.earned(row.pace().attainment(), row.trend(),
						period.lastDay(), today)) {
					found.add(new Found(row.id(), row.unitId(), row.measure(), code, kind, period.start(),
							period.lastDay(), earned.milestone().percent(),
							row.pace().attainment().setScale(2, java.math.RoundingMode.HALF_UP), earned.on()));
				}
			}
		}
		return found;
	}

	private void announce(List<Found> added) {
		added.forEach(f -> events.publishEvent(new BadgeEarned(StaffId.of(f.staffId()), f.metric(), f.period(),
				Milestone.ofPercent(f.threshold()), f.attainment(), f.earnedOn())));
	}

	@Transactional(readOnly = true)
	public PageResponse<BadgeView> list(io.rumbo.identity.CurrentUser actor, Filter filter, ListQuery query) {
		Map<String, Object> params = new HashMap<>();
		String where = where(actor, filter, params);
		return PageResponse.of(named(store.select(where + query.orderBy("b.id") + query.limit(), params)), query,
				store.count(where, params));
	}

	@Transactional(readOnly = true)
	public void each(io.rumbo.identity.CurrentUser actor, Filter filter, ListQuery query, Consumer<BadgeView> sink) {
		Map<String, Object> params = new HashMap<>();
		String where = where(actor, filter, params);
		int size = ExportCursor.BATCH;
		for (int page = 0;; page++) {
			params.put("batchOffset", (long) page * size);
			List<BadgeView> batch = named(store.select(where + query.orderBy("b.id") + " LIMIT " + size
					+ " OFFSET :batchOffset", params));
			batch.forEach(sink);
			if (batch.size() < size) {
				return;
			}
		}
	}

	private String where(io.rumbo.identity.CurrentUser actor, Filter filter, Map<String, Object> params) {
		StringBuilder where = new StringBuilder(" WHERE " + scopes.of(actor).sql(new DataScope.Columns(
				List.of("b.unit_id"), List.of("b.staff_id"), List.of("b.unit_id")), params));
		if (filter.staffId() != null) {
			where.append(" AND b.staff_id = :staff");
			params.put("staff", filter.staffId());
		}
		if (filter.measure() != null && !filter.measure().isBlank()) {
			where.append(" AND b.metric = :metric");
			params.put("metric", filter.measure().strip().toLowerCase(java.util.Locale.ROOT));
		}
		if (filter.period() != null && !filter.period().isBlank()) {
			where.append(" AND b.period_code = :period");
			params.put("period", filter.period().strip().toUpperCase(java.util.Locale.ROOT));
		}
		if (filter.threshold() != null) {
			where.append(" AND b.threshold = :threshold");
			params.put("threshold", filter.threshold());
		}
		return where.toString();
	}

	List<BadgeView> named(List<BadgeView> rows) {
		Map<Long, String> names = org.staffNames(rows.stream().map(BadgeView::staffId).distinct().toList());
		Map<Long, String> units = org.unitNames(rows.stream().map(BadgeView::unitId).distinct().toList());
		return rows.stream().map(b -> b.named(names.getOrDefault(b.staffId(), "#" + b.staffId()), units.get(b.unitId())))
			.toList();
	}
}
