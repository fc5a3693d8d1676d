package io.rumbo.quotas;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import io.rumbo.identity.AuditTrail;
import io.rumbo.identity.CurrentUser;
import io.rumbo.quotas.QuotaViews.QuotaVersionView;
import io.rumbo.quotas.domain.Allocator;
import io.rumbo.quotas.domain.QuotaAcknowledgementStore;
import io.rumbo.quotas.domain.QuotaStore;
import io.rumbo.quotas.domain.QuotaStore.PersonMonth;
import io.rumbo.quotas.domain.QuotaStore.State;
import io.rumbo.quotas.domain.QuotaStore.VersionRow;
import io.rumbo.shared.domain.ConflictException;
import io.rumbo.shared.domain.StaleVersionException;
import io.rumbo.shared.domain.ValidationFailedException;

/**
 * The one path every change to a quota plan takes (the screen's allocations, a new measure, the ramp, a proration, an
 * import): optimistic lock on the version, then the change in place while nothing it touches binds, or as a new
 * version with its reason once it does. Callers hold the transaction.
 */
@Component
class QuotaRevisions {

	private final QuotaStore store;
	private final QuotaAcknowledgementStore acknowledgements;
	private final Allocator allocator;
	private final QuotaQueries queries;
	private final AuditTrail audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	QuotaRevisions(QuotaStore store, QuotaAcknowledgementStore acknowledgements, Allocator allocator, QuotaQueries queries, AuditTrail audit,
			ApplicationEventPublisher events, Clock clock) {
		this.store = store;
		this.acknowledgements = acknowledgements;
		this.allocator = allocator;
		this.queries = queries;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Applies a change in place while nothing it touches is binding; otherwise, with a reason, as a new version: a
	 * copy with the change, published at once in place of the one that counted, acknowledgements kept for the people
	 * whose quota did not move.
	 */
	QuotaVersionView change(CurrentUser actor, long versionId, long expected, @Nullable String reason,
			List<Long> from, String action, Consumer<VersionRow> apply) {
		return change(actor, versionId, expected, reason, from, action, Allocator.Seating.FROZEN, apply);
	}

	QuotaVersionView change(CurrentUser actor, long versionId, long expected, @Nullable String reason,
			List<Long> from, String action, Allocator.Seating seating, Consumer<VersionRow> apply) {
		VersionRow v = lock(versionId, expected);
		if (v.state() == State.SUPERSEDED) {
			throw new ConflictException("quotas.error.superseded", v.number());
		}
		if (!queries.binding(v, from)) {
			apply.accept(v);
			VersionRow changed = store.version(v.id()).orElseThrow();
			allocator.recompute(changed, from, seating);
			QuotaVersionView view = queries.view(changed);
			audit.record("QUOTA_VERSION", v.id(), action, null, Map.of("units", from), "FY" + v.fiscalYear() + " v"
					+ v.number());
			return view;
		}
		if (reason == null || reason.isBlank()) {
			throw ValidationFailedException.of("reason", "quotas.error.reason");
		}
		if (reason.length() > 1000) {
			throw ValidationFailedException.of("reason", "quotas.error.comment", 1000);
		}
		Instant now = clock.instant();
		int number = store.versions(v.fiscalYear()).get(0).number() + 1;
		long id = store.insertVersion(v.fiscalYear(), number, v.id(), v.planVersionId(), reason.strip(), v.ramp(),
				actor.username(), now);
		store.copy(v.id(), id);
		VersionRow revision = store.version(id).orElseThrow();
		apply.accept(revision);
		VersionRow changed = store.version(id).orElseThrow();
		allocator.recompute(changed, from, seating);
		store.publish(id, actor.username(), now);
		Map<Long, QuotaAcknowledgementStore.Acknowledgement> acks = acknowledgements.acknowledgements(v.id());
		unchangedPeople(v.id(), id).forEach(staff -> {
			QuotaAcknowledgementStore.Acknowledgement ack = acks.get(staff);
			if (ack != null) {
				acknowledgements.carry(id, ack);
			}
		});
		QuotaVersionView view = queries.view(store.version(id).orElseThrow());
		audit.record("QUOTA_VERSION", id, "REVISE", queries.view(v), view, reason.strip());
		events.publishEvent(new QuotaRevised(v.fiscalYear(), id, number, v.id(), reason.strip(), actor.username(), now));
		return view;
	}

	VersionRow lock(long versionId, long expected) {
		VersionRow v = queries.versionOf(versionId);
		if (!store.touch(versionId, expected)) {
			throw new StaleVersionException(expected, queries.view(v));
		}
		return store.version(versionId).orElseThrow();
	}

	/** The people whose quota (every measure, month and unit) is the same in both versions. */
	private Set<Long> unchangedPeople(long fromVersion, long toVersion) {
		Map<Long, Set<PersonMonth>> before = byPerson(store.personMonths(fromVersion));
		Map<Long, Set<PersonMonth>> after = byPerson(store.personMonths(toVersion));
		Set<Long> same = new HashSet<>();
		before.forEach((staff, rows) -> {
			if (Objects.equals(rows, after.get(staff))) {
				same.add(staff);
			}
		});
		return same;
	}

	private static Map<Long, Set<PersonMonth>> byPerson(List<PersonMonth> rows) {
		Map<Long, Set<PersonMonth>> result = new HashMap<>();
		// Amounts compared by value: the same figure read back may differ in scale.
		rows.forEach(r -> result.computeIfAbsent(r.staffId(), k -> new HashSet<>()).add(new PersonMonth(r.staffId(),
				r.unitId(), r.metric(), r.month(), r.fullAmount().stripTrailingZeros(), r.amount().stripTrailingZeros())));
		return result;
	}
}
