package io.rumbo.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.evaluation.CalibrationViews.CriterionTrend;
import io.rumbo.evaluation.CalibrationViews.HistoryPoint;
import io.rumbo.evaluation.CalibrationViews.PersonHistory;
import io.rumbo.evaluation.CalibrationViews.TeamHistory;
import io.rumbo.evaluation.CalibrationViews.TeamPoint;
import io.rumbo.evaluation.domain.CalibrationStore;
import io.rumbo.evaluation.domain.CalibrationStore.CriterionRow;
import io.rumbo.evaluation.domain.CalibrationStore.CycleRow;
import io.rumbo.identity.CurrentUser;
import io.rumbo.organization.DataScope;
import io.rumbo.organization.DataScopes;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.shared.domain.NotFoundException;

/**
 * Scorecards over time, from the frozen cycles (in review or later): a person's final score per cycle with the
 * change from the previous one and each criterion's points; a manager's team (an org unit and its subtree) with the
 * mean, lowest and highest score per cycle. Scoped in SQL: a salesperson their own history only, a manager their
 * subtree's, the company-wide roles everyone's; anything else is "not found".
 */
@Service
public class EvaluationHistory {

	private final CalibrationStore store;
	private final OrgDirectory org;
	private final DataScopes scopes;

	EvaluationHistory(CalibrationStore store, OrgDirectory org, DataScopes scopes) {
		this.store = store;
		this.org = org;
		this.scopes = scopes;
	}

	@Transactional(readOnly = true)
	public PersonHistory person(CurrentUser actor, long staffId) {
		DataScope scope = scopes.of(actor);
		Map<String, Object> params = new HashMap<>();
		String sql = scope.sql("s.unit_id", "s.staff_id", params);
		List<CycleRow> rows = store.personCycles(staffId, sql, params);
		var person = org.staff(staffId);
		if (rows.isEmpty() && (person.isEmpty() || !scope.seesStaff(staffId, person.get().unitId()))) {
			throw new NotFoundException("staff", staffId);
		}
		List<HistoryPoint> points = new ArrayList<>();
		BigDecimal previous = null;
		for (CycleRow r : rows) {
			points.add(new HistoryPoint(r.cycleId(), r.name(), r.period(), r.from(), r.scorecardId(), r.state(),
					r.mean(), change(r.mean(), previous)));
			previous = r.mean();
		}
		Map<String, Object> again = new HashMap<>();
		List<CriterionRow> lines = store.personCriteria(staffId, scope.sql("s.unit_id", "s.staff_id", again), again);
		return new PersonHistory(staffId, person.map(OrgDirectory.StaffSummary::fullName).orElse("#" + staffId),
				points, trends(points, lines));
	}

	/** Each criterion (by name, so that template versions line up) with its points in each cycle of the history. */
	static List<CriterionTrend> trends(List<HistoryPoint> cycles, List<CriterionRow> lines) {
		Map<Long, Integer> column = new HashMap<>();
		for (int i = 0; i < cycles.size(); i++) {
			column.put(cycles.get(i).cycleId(), i);
		}
		Map<String, List<@Nullable BigDecimal>> byName = new LinkedHashMap<>();
		Map<String, Focus> focus = new HashMap<>();
		for (CriterionRow l : lines) {
			List<@Nullable BigDecimal> points = byName.computeIfAbsent(l.name(), k -> {
				List<@Nullable BigDecimal> empty = new ArrayList<>();
				cycles.forEach(c -> empty.add(null));
				return empty;
			});
			focus.putIfAbsent(l.name(), l.focus());
			Integer at = column.get(l.cycleId());
			if (at != null) {
				points.set(at, l.points());
			}
		}
		List<CriterionTrend> trends = new ArrayList<>();
		byName.forEach((name, points) -> trends.add(new CriterionTrend(name, focus.get(name), points)));
		return trends;
	}

	/** A manager's team over time: the scorecards of the unit and its subtree, per frozen cycle. */
	@Transactional(readOnly = true)
	public TeamHistory team(CurrentUser actor, long unitId) {
		DataScope scope = scopes.of(actor);
		String name = org.unitNames(List.of(unitId)).get(unitId);
		if (name == null || !scope.managesUnit(unitId)) {
			throw new NotFoundException("orgUnit", unitId);
		}
		Map<String, Object> params = new HashMap<>();
		List<TeamPoint> points = new ArrayList<>();
		BigDecimal previous = null;
		for (CycleRow r : store.teamCycles(org.subtree(unitId), scope.sql("s.unit_id", "s.staff_id", params),
				params)) {
			BigDecimal mean = r.mean().setScale(2, RoundingMode.HALF_UP);
			points.add(new TeamPoint(r.cycleId(), r.name(), r.period(), r.from(), r.count(), mean, r.min(), r.max(),
					change(mean, previous)));
			previous = mean;
		}
		return new TeamHistory(unitId, name, points);
	}

	private static @Nullable BigDecimal change(BigDecimal now, @Nullable BigDecimal previous) {
		return previous == null ? null : now.subtract(previous);
	}
}
