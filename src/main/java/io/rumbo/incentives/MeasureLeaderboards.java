package io.rumbo.incentives;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.identity.CurrentUser;
import io.rumbo.incentives.RecognitionViews.MeasureBoard;
import io.rumbo.incentives.RecognitionViews.MeasurePlace;
import io.rumbo.metrics.Metric;
import io.rumbo.metrics.MetricsQuery;
import io.rumbo.organization.DataScope;
import io.rumbo.organization.DataScopes;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.organization.StaffId;
import io.rumbo.quotas.Attainment;
import io.rumbo.shared.domain.NotFoundException;
import io.rumbo.shared.time.FiscalPeriod;

/**
 * Leaderboards per measure of the metrics catalogue, for what the quotas' leaderboard cannot show: it ranks quota
 * holders by attainment, this ranks the people who sell by the measure's own value (visits, CSAT, new customers...),
 * quota or not. The names follow the quotas' setting ({@code rumbo.attainment.leaderboard-names}, read through
 * {@link Attainment#settings()}): without names a reader keeps only the places of the people they may see, at their
 * rank among everyone. One grouped read of the measure for everyone; ties share a rank.
 */
@Service
public class MeasureLeaderboards {

	private final MetricsQuery metrics;
	private final Attainment attainment;
	private final RecognitionPeriods periods;
	private final OrgDirectory org;
	private final DataScopes scopes;

	MeasureLeaderboards(MetricsQuery metrics, Attainment attainment, RecognitionPeriods periods, OrgDirectory org,
			DataScopes scopes) {
		this.metrics = metrics;
		this.attainment = attainment;
		this.periods = periods;
		this.org = org;
		this.scopes = scopes;
	}

	@Transactional(readOnly = true)
	public MeasureBoard board(CurrentUser actor, @Nullable String periodCode, Metric measure, @Nullable Long unitId) {
		DataScope scope = scopes.of(actor);
		FiscalPeriod period = periodCode == null || periodCode.isBlank()
				? RecognitionPeriods.current(periods.years(), AwardPeriodKind.QUARTER, periods.today())
				: periods.parse(periodCode);
		if (unitId != null && !org.isActiveUnit(unitId)) {
			throw new NotFoundException("unit", unitId);
		}
		Set<Long> within = unitId == null ? null : org.subtree(unitId);
		Map<Long, Long> units = new HashMap<>();
		for (OrgDirectory.Stay stay : org.staysBetween(period.start(), period.end(), Awards.SELLING)) {
			if (within == null || within.contains(stay.unit().value())) {
				units.put(stay.staff().value(), stay.unit().value());
			}
		}
		Map<Long, BigDecimal> values = new HashMap<>();
		metrics.byPerson(measure, period, units.keySet().stream().map(StaffId::of).toList())
			.forEach((staff, value) -> values.put(staff.value(), value));
		Map<Long, String> names = org.staffNames(values.keySet());
		Map<Long, String> unitNames = org.unitNames(units.values().stream().distinct().toList());
		Comparator<BigDecimal> best = measure.higherIsBetter() ? Comparator.reverseOrder() : Comparator.naturalOrder();
		List<Long> sorted = new ArrayList<>(values.keySet());
		sorted.sort(Comparator.comparing((Long s) -> values.get(s), best)
			.thenComparing(s -> names.getOrDefault(s, "")));
		Long self = scope.ownStaffId() != null ? scope.ownStaffId() : scopes.staffIdOf(actor).orElse(null);
		boolean named = attainment.settings().leaderboardNames() || scope.all();
		List<MeasurePlace> places = new ArrayList<>();
		int rank = 0;
		BigDecimal previous = null;
		for (int i = 0; i < sorted.size(); i++) {
			long staff = sorted.get(i);
			BigDecimal value = values.get(staff);
			if (previous == null || value.compareTo(previous) != 0) {
				rank = i + 1;
			}
			previous = value;
			boolean own = self != null && self == staff;
			long unit = units.get(staff);
			if (named || own || scope.seesStaff(staff, unit)) {
				places.add(new MeasurePlace(rank, sorted.size(), staff, names.getOrDefault(staff, "#" + staff),
						unitNames.get(unit), value, own));
			}
		}
		return new MeasureBoard(periods.years().code(period), measure.code(), unitId, sorted.size(), named, places);
	}
}
