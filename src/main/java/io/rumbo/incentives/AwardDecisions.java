package io.rumbo.incentives;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.identity.CurrentUser;
import io.rumbo.incentives.RecognitionViews.AwardKindView;
import io.rumbo.incentives.RecognitionViews.AwardView;
import io.rumbo.incentives.RecognitionViews.Decision;
import io.rumbo.incentives.RecognitionViews.DecisionRecord;
import io.rumbo.incentives.domain.AwardRule;
import io.rumbo.incentives.domain.AwardStore;
import io.rumbo.incentives.domain.AwardStore.NewAward;
import io.rumbo.metrics.Metric;
import io.rumbo.metrics.MetricsQuery;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.organization.StaffId;
import io.rumbo.organization.UnitId;
import io.rumbo.quotas.Attainment;
import io.rumbo.quotas.AttainmentViews.Row;
import io.rumbo.shared.domain.AccessRefusedException;
import io.rumbo.shared.domain.ConflictException;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.shared.time.FiscalPeriod;
import io.rumbo.shared.time.FiscalYears;

/**
 * The decision of a kind decided by rule, for a closed period of its length: the population is read whole (one grouped
 * read of the measure through {@link MetricsQuery}, or the quotas' {@link Attainment} for everyone), the best value
 * reaching the minimum wins (ties share), and only the winners not yet recorded get an award, so deciding again (the
 * nightly job, a director on request) gives the same awards. Each decision is recorded.
 */
@Service
public class AwardDecisions {

	private final AwardStore store;
	private final AwardKinds kinds;
	private final Awards awards;
	private final RecognitionPeriods periods;
	private final MetricsQuery metrics;
	private final Attainment attainment;
	private final OrgDirectory org;
	private final RuleCitations citations;
	private final Clock clock;

	AwardDecisions(AwardStore store, AwardKinds kinds, Awards awards, RecognitionPeriods periods, MetricsQuery metrics,
			Attainment attainment, OrgDirectory org, RuleCitations citations, Clock clock) {
		this.store = store;
		this.kinds = kinds;
		this.awards = awards;
		this.periods = periods;
		this.metrics = metrics;
		this.attainment = attainment;
		this.org = org;
		this.citations = citations;
		this.clock = clock;
	}

	/**
	 * Decides a rule-based kind for a closed period: the population is read whole, the winners (the best value
	 * reaching the minimum, ties sharing) get an award unless they already hold one; the decision is recorded.
	 * Deciding again adds nobody who already won (an award is never withdrawn silently: a manager revokes it).
	 */
	@Transactional
	public Decision decide(CurrentUser actor, AwardKindId kindId, String periodCode) {
		if (!AwardKinds.mayDefine(actor)) {
			throw new AccessRefusedException("incentives.recognition.decide");
		}
		FiscalPeriod period = periods.parse(periodCode);
		return decide(actor.username(), kinds.kind(kindId.value()), period);
	}

	/**
	 * The nightly job's decisions: each active rule-based kind for its last closed period, unless already decided.
	 */
	@Transactional
	public List<Decision> decideClosedPeriods() {
		List<Decision> decisions = new ArrayList<>();
		FiscalYears years = periods.years();
		for (AwardKindView kind : store.kinds(Awards.lang())) {
			if (!kind.active() || !kind.basis().byRule()) {
				continue;
			}
			FiscalPeriod period = periods.lastClosed(kind.periodKind());
			if (!store.decided(kind.id(), years.code(period))) {
				decisions.add(decide(Awards.SYSTEM.username(), kind, period));
			}
		}
		return decisions;
	}

	private Decision decide(String by, AwardKindView kind, FiscalPeriod period) {
		FiscalYears years = periods.years();
		String code = years.code(period);
		if (!kind.basis().byRule() || !kind.active()) {
			throw new ConflictException("incentives.recognition.decide.notByRule", kind.code());
		}
		if (RecognitionPeriods.kindOf(years, period) != kind.periodKind()) {
			throw ValidationFailedException.of("period", "incentives.recognition.decide.periodKind", code);
		}
		if (period.end().isAfter(periods.today())) {
			throw new ConflictException("incentives.recognition.decide.periodOpen", code);
		}
		Metric metric = Metric.ofCode(kind.measure()).orElseThrow();
		Map<Long, BigDecimal> values = new LinkedHashMap<>();
		Map<Long, Long> units = new HashMap<>();
		if (kind.basis() == AwardBasis.ATTAINMENT) {
			List<Row> rows = attainment.people(Awards.SYSTEM, code, List.of(metric),
					kind.unitId() == null ? null : UnitId.of(kind.unitId()));
			for (Row row : rows) {
				if (row.pace().attainment() != null && row.unitId() != null) {
					values.put(row.id(), row.pace().attainment());
					units.put(row.id(), row.unitId());
				}
			}
		}
		else {
			Set<Long> within = kind.unitId() == null ? null : org.subtree(kind.unitId());
			// Stays come in the order they began, so each person keeps the unit they were in last in the period.
			for (OrgDirectory.Stay stay : org.staysBetween(period.start(), period.end(), Awards.SELLING)) {
				if (within == null || within.contains(stay.unit().value())) {
					units.put(stay.staff().value(), stay.unit().value());
				}
			}
			metrics.byPerson(metric, period, units.keySet().stream().map(StaffId::of).toList())
				.forEach((staff, value) -> values.put(staff.value(), value));
		}
		boolean higherIsBetter = kind.basis() == AwardBasis.ATTAINMENT || metric.higherIsBetter();
		List<Long> winners = AwardRule.winners(values, higherIsBetter, kind.minimum());
		Set<Long> holders = store.holders(kind.id(), code);
		Instant now = clock.instant();
		int added = 0;
		for (Long staff : winners) {
			if (holders.contains(staff)) {
				continue;
			}
			BigDecimal value = values.get(staff).setScale(kind.basis() == AwardBasis.ATTAINMENT ? 2 : metric.scale(),
					RoundingMode.HALF_UP);
			String citation = citations.of(kind.basis(), kind.name(), metric.code(), value, code);
			awards.record(new NewAward(kind.id(), staff, units.get(staff), code, period.start(), period.lastDay(),
					AwardSource.RULE, metric.code(), value, citation, null, by, now), kind.code());
			added++;
		}
		store.recordDecision(kind.id(), code, now, by, values.size(), winners.size());
		List<AwardView> awarded = awards.named(store.select(" WHERE a.kind_id = :kind AND a.period_code = :period"
				+ " ORDER BY a.id", Map.of("kind", kind.id(), "period", code), Awards.lang()));
		return new Decision(kind.id(), kind.code(), code, values.size(), awarded, added);
	}

	/** The latest decisions of rule-based kinds. */
	@Transactional(readOnly = true)
	public List<DecisionRecord> decisions() {
		return store.decisions(20);
	}
}
