package io.rumbo.incentives;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.evaluation.PersonNominated;
import io.rumbo.identity.AuditTrail;
import io.rumbo.identity.CurrentUser;
import io.rumbo.incentives.RecognitionViews.AwardView;
import io.rumbo.incentives.RecognitionViews.ProposalView;
import io.rumbo.incentives.domain.ProposalStore;
import io.rumbo.organization.DataScopes;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.shared.domain.AccessRefusedException;
import io.rumbo.shared.domain.ConflictException;
import io.rumbo.shared.domain.NotFoundException;
import io.rumbo.shared.domain.StaleVersionException;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.PageResponse;

/**
 * Evaluation nominations as proposals: each {@link PersonNominated} of the evaluation module becomes a proposal (once,
 * however often the event is delivered) that the person's managers, a director or an administrator turn into an award
 * with a citation, or dismiss with a note. Turning it into an award grants a kind granted by hand, as a manager's
 * grant would, with the proposal recorded on the award.
 */
@Service
public class AwardProposals {

	public static final Map<String, String> SORTS = Map.of("nominatedAt", "p.nominated_at", "score", "p.score",
			"status", "p.status");

	private final ProposalStore store;
	private final Awards awards;
	private final OrgDirectory org;
	private final DataScopes scopes;
	private final AuditTrail audit;
	private final java.time.Clock clock;

	AwardProposals(ProposalStore store, Awards awards, OrgDirectory org, DataScopes scopes, AuditTrail audit,
			java.time.Clock clock) {
		this.store = store;
		this.awards = awards;
		this.org = org;
		this.scopes = scopes;
		this.audit = audit;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(PersonNominated nominated) {
		receive(new ProposalStore.Nominated(nominated.nomination(), nominated.scorecard().value(),
				nominated.cycle().value(), nominated.staff().value(), nominated.unit().value(), nominated.score(),
				nominated.reason(), nominated.nominatedBy(), nominated.nominatedAt()));
	}

	/** Records a nomination as an open proposal, unless it already is; answers whether it was new. */
	@Transactional
	public boolean receive(ProposalStore.Nominated nominated) {
		return store.insertIfNew(nominated);
	}

	@Transactional(readOnly = true)
	public PageResponse<ProposalView> list(CurrentUser actor, @Nullable ProposalStatus status, ListQuery query) {
		Map<String, Object> params = new HashMap<>();
		String where = where(actor, status, params);
		return PageResponse.of(named(store.select(where + query.orderBy("p.id") + query.limit(), params)), query,
				store.count(where, params));
	}

	/** A proposal the reader may decide on; otherwise not found. */
	@Transactional(readOnly = true)
	public ProposalView get(CurrentUser actor, long id) {
		Map<String, Object> params = new HashMap<>();
		params.put("id", id);
		return named(store.select(where(actor, null, params) + " AND p.id = :id", params)).stream().findFirst()
			.orElseThrow(() -> new NotFoundException("proposal", id));
	}

	/** Grants the award the proposal asks for, with the kind (granted by hand), period and citation chosen. */
	@Transactional
	public AwardView accept(CurrentUser actor, long id, long version, Awards.GrantDetails details) {
		ProposalView proposal = open(actor, id, version);
		AwardView award = awards.grant(actor, new Awards.GrantDetails(proposal.staffId(), details.kind(),
				details.period(), details.citation()), AwardSource.NOMINATION, proposal.id());
		decide(actor, proposal, ProposalStatus.AWARDED, award.id(), null);
		return award;
	}

	/** Dismisses the proposal, with a note saying why. */
	@Transactional
	public ProposalView dismiss(CurrentUser actor, long id, long version, @Nullable String note) {
		ProposalView proposal = open(actor, id, version);
		List<ValidationFailedException.FieldError> errors = new ArrayList<>();
		Awards.requireText(errors, "note", note, 2000);
		if (!errors.isEmpty()) {
			throw new ValidationFailedException(errors);
		}
		decide(actor, proposal, ProposalStatus.DISMISSED, null, note.strip());
		return get(actor, id);
	}

	private ProposalView open(CurrentUser actor, long id, long version) {
		ProposalView proposal = get(actor, id);
		if (!awards.mayGrantTo(actor, proposal.staffId(), proposal.unitId())) {
			throw new AccessRefusedException("incentives.recognition.proposal");
		}
		if (proposal.status() != ProposalStatus.OPEN) {
			throw new ConflictException("incentives.recognition.proposal.decided");
		}
		if (proposal.version() != version) {
			throw new StaleVersionException(version, proposal.version());
		}
		return proposal;
	}

	private void decide(CurrentUser actor, ProposalView proposal, ProposalStatus status, @Nullable Long award,
			@Nullable String note) {
		Instant now = clock.instant();
		if (!store.decide(proposal.id(), proposal.version(), status, award, actor.username(), now, note)) {
			throw new StaleVersionException(proposal.version(), proposal.version() + 1);
		}
		Map<String, Object> after = new HashMap<>();
		after.put("status", status.name());
		if (award != null) {
			after.put("awardId", award);
		}
		if (note != null) {
			after.put("note", note);
		}
		audit.record("RECOGNITION_PROPOSAL", proposal.id(), status.name(), Map.of("status", "OPEN"), after,
				proposal.personName());
	}

	/** Proposals are for whoever may grant: a manager sees those of their subtree, a director everyone's. */
	private String where(CurrentUser actor, @Nullable ProposalStatus status, Map<String, Object> params) {
		if (!Awards.mayGrant(actor)) {
			return " WHERE 1 = 0";
		}
		StringBuilder where = new StringBuilder(" WHERE " + scopes.of(actor).sql("p.unit_id", null, params));
		if (status != null) {
			where.append(" AND p.status = :status");
			params.put("status", status.name());
		}
		return where.toString();
	}

	private List<ProposalView> named(List<ProposalView> rows) {
		Map<Long, String> names = org.staffNames(rows.stream().map(ProposalView::staffId).distinct().toList());
		Map<Long, String> units = org.unitNames(rows.stream().map(ProposalView::unitId).distinct().toList());
		return rows.stream().map(p -> p.named(names.getOrDefault(p.staffId(), "#" + p.staffId()), units.get(p.unitId())))
			.toList();
	}
}
