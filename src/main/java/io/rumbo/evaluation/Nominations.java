package io.rumbo.evaluation;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.evaluation.CalibrationViews.Nomination;
import io.rumbo.evaluation.ScorecardViews.ScorecardView;
import io.rumbo.evaluation.domain.CycleStore;
import io.rumbo.evaluation.domain.NewNomination;
import io.rumbo.evaluation.domain.NominationStore;
import io.rumbo.evaluation.domain.Scorecard;
import io.rumbo.identity.AuditTrail;
import io.rumbo.identity.CurrentUser;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.organization.DataScopes;
import io.rumbo.organization.StaffId;
import io.rumbo.organization.UnitId;
import io.rumbo.shared.domain.AccessRefusedException;
import io.rumbo.shared.domain.NotFoundException;
import io.rumbo.shared.export.ExportCursor;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.PageResponse;

/**
 * Nominations for recognition from an evaluation's outcome: whoever reviews the person (a director, or a manager
 * above them) nominates them once the score is agreed and the proposed outcome is recognition, with a reason; the
 * nomination is recorded, audited, listed in the reader's scope and announced as {@link PersonNominated} for the
 * incentives module, which turns it into an award.
 */
@Service
public class Nominations {

	public static final Map<String, String> SORTS = Map.of("nominatedAt", "n.nominated_at", "score", "n.score",
			"cycle", "c.starts_on");

	/** List filter: a cycle, a person. */
	public record Filter(@Nullable Long cycleId, @Nullable Long staffId) {
	}

	private final Scorecards scorecards;
	private final CycleStore cycles;
	private final NominationStore store;
	private final OrgDirectory org;
	private final DataScopes scopes;
	private final AuditTrail audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final ExportCursor cursor;

	Nominations(Scorecards scorecards, CycleStore cycles, NominationStore store, OrgDirectory org, DataScopes scopes,
			AuditTrail audit, ApplicationEventPublisher events, Clock clock, ExportCursor cursor) {
		this.cursor = cursor;
		this.scorecards = scorecards;
		this.cycles = cycles;
		this.store = store;
		this.org = org;
		this.scopes = scopes;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	public Nomination nominate(CurrentUser actor, long scorecardId, @Nullable String reason) {
		ScorecardView view = scorecards.get(actor, scorecardId);
		if (!scorecards.mayReview(actor, view)) {
			throw new AccessRefusedException("evaluation.nominate");
		}
		Scorecard card = cycles.scorecard(scorecardId).orElseThrow();
		NewNomination nomination = NewNomination.of(card, view.cycleState(), store.exists(scorecardId), reason,
				actor.username(), clock.instant());
		long id = store.insert(nomination);
		audit.record("EVALUATION_NOMINATION", id, "NOMINATE", null, Map.of("scorecardId", scorecardId, "staffId",
				card.staffId(), "reason", nomination.reason()), view.name());
		events.publishEvent(new PersonNominated(id, ScorecardId.of(scorecardId), CycleId.of(card.cycleId()),
				StaffId.of(card.staffId()), UnitId.of(card.unitId()), card.score(), nomination.reason(),
				actor.username(), nomination.at()));
		return get(actor, id);
	}

	@Transactional(readOnly = true)
	public Nomination get(CurrentUser actor, long id) {
		Map<String, Object> params = new HashMap<>();
		params.put("id", id);
		String where = " WHERE n.id = :id AND " + scopes.of(actor).sql("n.unit_id", "n.staff_id", params);
		return named(store.select(where, params)).stream().findFirst()
			.orElseThrow(() -> new NotFoundException("nomination", id));
	}

	@Transactional(readOnly = true)
	public PageResponse<Nomination> list(CurrentUser actor, Filter filter, ListQuery query) {
		Map<String, Object> params = new HashMap<>();
		String where = where(actor, filter, params);
		return PageResponse.of(named(store.select(where + query.orderBy("n.id") + query.limit(), params)), query,
				store.count(where, params));
	}

	/**
	 * Every nomination of the list for an export, in one query read with a fetch size and named a thousand at a time
	 * (neither the whole list nor a page skipped again with OFFSET).
	 */
	@Transactional(readOnly = true)
	public void each(CurrentUser actor, Filter filter, ListQuery query, Consumer<Nomination> sink) {
		Map<String, Object> params = new HashMap<>();
		String where = where(actor, filter, params);
		store.each(cursor, where + query.orderBy("n.id"), params, this::named, sink);
	}

	private String where(CurrentUser actor, Filter filter, Map<String, Object> params) {
		StringBuilder where = new StringBuilder(" WHERE " + scopes.of(actor).sql("n.unit_id", "n.staff_id", params));
		if (filter.cycleId() != null) {
			where.append(" AND n.cycle_id = :cycle");
			params.put("cycle", filter.cycleId());
		}
		if (filter.staffId() != null) {
			where.append(" AND n.staff_id = :staff");
			params.put("staff", filter.staffId());
		}
		return where.toString();
	}

	private List<Nomination> named(List<Nomination> rows) {
		Map<Long, String> names = org.staffNames(rows.stream().map(Nomination::staffId).distinct().toList());
		Map<Long, String> units = org.unitNames(rows.stream().map(Nomination::unitId).distinct().toList());
		return rows.stream().map(n -> n.named(names.getOrDefault(n.staffId(), "#" + n.staffId()), units.get(n.unitId())))
			.toList();
	}
}
