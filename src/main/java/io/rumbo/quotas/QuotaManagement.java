package io.rumbo.quotas;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.identity.AuditTrail;
import io.rumbo.identity.CurrentUser;
import io.rumbo.metrics.Metric;
import io.rumbo.organization.DataScopes;
import io.rumbo.organization.StaffId;
import io.rumbo.organization.UnitId;
import io.rumbo.planning.CountingTargets;
import io.rumbo.quotas.QuotaViews.QuotaVersionView;
import io.rumbo.quotas.domain.Allocator;
import io.rumbo.quotas.domain.QuotaFigureStore;
import io.rumbo.quotas.domain.QuotaAcknowledgementStore;
import io.rumbo.quotas.domain.QuotaStore;
import io.rumbo.quotas.domain.QuotaStore.Level;
import io.rumbo.quotas.domain.QuotaStore.State;
import io.rumbo.quotas.domain.QuotaStore.VersionRow;
import io.rumbo.quotas.domain.Ramp;
import io.rumbo.shared.domain.ConflictException;
import io.rumbo.shared.domain.NotFoundException;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.shared.money.Amounts;

/**
 * The life of quota plans: a plan per fiscal year started from the sales plan that counts; levels allocated by a
 * director (any) or a manager (in their subtree); published by a director, levels released by managers within their
 * published unit figure; acknowledged by each salesperson. A change that touches anything already binding is a new
 * version, published at once with its reason, so what people were told stays on record. Every change is audited.
 */
@Service
public class QuotaManagement {

	/** The measures a plan has targets for: every quota plan starts with them. */
	public static final Set<Metric> PLANNED = Set.of(Metric.REVENUE, Metric.MARGIN, Metric.UNITS, Metric.NEW_CUSTOMERS);
	static final BigDecimal MAX_OVER = new BigDecimal("100");

	private final QuotaStore store;
	private final QuotaAcknowledgementStore acknowledgements;
	private final QuotaFigureStore figureStore;
	private final Allocator allocator;
	private final CountingTargets plan;
	private final QuotaQueries queries;
	private final QuotaReading reading;
	private final QuotaRevisions revisions;
	private final DataScopes scopes;
	private final AuditTrail audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final QuotaUnitChanges unitChanges;

	QuotaManagement(QuotaStore store, QuotaAcknowledgementStore acknowledgements, QuotaFigureStore figureStore,
			Allocator allocator, CountingTargets plan, QuotaQueries queries, QuotaReading reading,
			QuotaRevisions revisions, DataScopes scopes, AuditTrail audit, ApplicationEventPublisher events, Clock clock,
			QuotaUnitChanges unitChanges) {
		this.unitChanges = unitChanges;
		this.store = store;
		this.acknowledgements = acknowledgements;
		this.figureStore = figureStore;
		this.allocator = allocator;
		this.plan = plan;
		this.queries = queries;
		this.reading = reading;
		this.revisions = revisions;
		this.scopes = scopes;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/** True while the fiscal year has no quota plan. */
	@Transactional(readOnly = true)
	public boolean isEmpty(int fiscalYear) {
		return store.versions(fiscalYear).isEmpty();
	}

	/**
	 * Starts the quota plan of a fiscal year from the plan version that counts: the top units' figures are the plan's
	 * targets of their subtrees by month, split down the tree evenly until someone chooses otherwise.
	 */
	@Transactional
	public QuotaVersionView create(CurrentUser actor, int fiscalYear, @Nullable String ramp) {
		QuotaAccess.requireDirector(actor);
		if (!store.versions(fiscalYear).isEmpty()) {
			throw new ConflictException("quotas.error.exists", String.valueOf(fiscalYear));
		}
		CountingTargets.Counting counting = plan.of(fiscalYear)
			.orElseThrow(() -> new ConflictException("quotas.error.noPlan", String.valueOf(fiscalYear)));
		Ramp profile = ramp(ramp == null ? Ramp.DEFAULT.text() : ramp);
		long id = store.insertVersion(fiscalYear, 1, null, counting.versionId().value(), null, profile.text(),
				actor.username(), clock.instant());
		Allocator.Org org = allocator.org(fiscalYear);
		List<QuotaStore.UnitMonth> tops = new ArrayList<>();
		for (long root : allocator.roots()) {
			Set<Long> subtree = Set.copyOf(org.subtree(root));
			for (Metric metric : PLANNED) {
				BigDecimal[] months = new BigDecimal[12];
				java.util.Arrays.fill(months, BigDecimal.ZERO);
				for (CountingTargets.UnitMonth t : counting.targets()) {
					if (subtree.contains(t.unit().value())) {
						months[t.fiscalMonth() - 1] = months[t.fiscalMonth() - 1].add(QuotaMonths.planned(t, metric));
					}
				}
				for (int m = 0; m < 12; m++) {
					tops.add(new QuotaStore.UnitMonth(root, null, metric, m + 1,
							months[m].setScale(metric.scale(), Amounts.ROUNDING)));
				}
			}
		}
		store.insertUnitMonths(id, tops);
		VersionRow version = store.version(id).orElseThrow();
		allocator.recompute(version, allocator.roots(), Allocator.Seating.CURRENT);
		QuotaVersionView view = queries.view(store.version(id).orElseThrow());
		audit.record("QUOTA_VERSION", id, "CREATE", null, view, "FY" + fiscalYear + " v1");
		return view;
	}

	/**
	 * Adds a measure the plan has no target for (visits, CSAT...): the company's year figure, spread over the months
	 * in the plan's revenue shape for sums and counts, the same level every month for rates and scores.
	 */
	@Transactional
	public QuotaVersionView addMeasure(CurrentUser actor, long versionId, long expected, Metric metric, BigDecimal year,
			@Nullable String reason) {
		QuotaAccess.requireDirector(actor);
		if (year.signum() < 0) {
			throw ValidationFailedException.of("amount", "quotas.error.negative");
		}
		return revisions.change(actor, versionId, expected, reason, allocator.roots(), "ADD_MEASURE", v -> {
			List<QuotaStore.UnitMonth> rows = new ArrayList<>();
			store.deleteMetric(v.id(), metric);
			for (long root : allocator.roots()) {
				List<BigDecimal> shape = new ArrayList<>();
				Map<Integer, BigDecimal> revenue = new HashMap<>();
				store.unitMonths(v.id()).stream()
					.filter(u -> u.unitId() == root && u.metric() == Metric.REVENUE)
					.forEach(u -> revenue.put(u.month(), u.amount()));
				for (int m = 1; m <= 12; m++) {
					shape.add(revenue.getOrDefault(m, BigDecimal.ZERO));
				}
				List<BigDecimal> months = Allocator.additive(metric)
						? io.rumbo.planning.Spreading.allocate(year, shape, metric.scale())
						: java.util.Collections.nCopies(12, year.setScale(metric.scale(), Amounts.ROUNDING));
				for (int m = 0; m < 12; m++) {
					rows.add(new QuotaStore.UnitMonth(root, null, metric, m + 1, months.get(m)));
				}
			}
			store.insertUnitMonths(v.id(), rows);
		});
	}

	/** How a level splits its figure: method, over-assignment % and, by hand, a year figure per child key. */
	public record Allocation(AllocationMethod method, BigDecimal overAssignment, Map<String, BigDecimal> manual) {
	}

	/**
	 * Sets how a unit's figure of a measure is split among its sub-units and members, and works the levels below out
	 * again. A director allocates any level, a manager the levels of the units they lead and below.
	 */
	@Transactional
	public QuotaVersionView allocate(CurrentUser actor, long versionId, long expected, long unitId, Metric metric,
			Allocation allocation, @Nullable String reason) {
		VersionRow current = queries.versionOf(versionId);
		queries.requireAllocator(actor, scopes.of(actor), current, unitId);
		List<ValidationFailedException.FieldError> errors = new ArrayList<>();
		if (allocation.overAssignment().signum() < 0 || allocation.overAssignment().compareTo(MAX_OVER) > 0) {
			errors.add(new ValidationFailedException.FieldError("overAssignment", "quotas.error.over", MAX_OVER));
		}
		Set<String> children = queries.childKeys(current, unitId);
		Map<String, BigDecimal> manual = new LinkedHashMap<>();
		if (allocation.method() == AllocationMethod.MANUAL) {
			allocation.manual().forEach((key, amount) -> {
				if (!children.contains(key)) {
					errors.add(new ValidationFailedException.FieldError("manual", "quotas.error.child", key));
				}
				else if (amount.signum() < 0) {
					errors.add(new ValidationFailedException.FieldError("manual", "quotas.error.negative", key));
				}
				else {
					manual.put(key, amount.setScale(metric.scale(), Amounts.ROUNDING));
				}
			});
		}
		if (!errors.isEmpty()) {
			throw new ValidationFailedException(errors);
		}
		if (store.unitMonths(versionId).stream().noneMatch(u -> u.unitId() == unitId && u.metric() == metric)) {
			throw new NotFoundException("quotaLevel", unitId + ":" + metric.code());
		}
		return revisions.change(actor, versionId, expected, reason, List.of(unitId), "ALLOCATE", v -> {
			store.saveLevel(v.id(), new Level(unitId, metric, allocation.method(), allocation.overAssignment()));
			store.saveManual(v.id(), unitId, metric, manual);
			// The level is split again as it now says: figures an import fixed for its members give way.
			figureStore.clearFigures(v.id(), unitId, metric);
		});
	}

	/** Sets the new hires' ramp (whole tree); after publication a new version. */
	@Transactional
	public QuotaVersionView setRamp(CurrentUser actor, long versionId, long expected, String ramp, @Nullable String reason) {
		QuotaAccess.requireDirector(actor);
		Ramp profile = ramp(ramp);
		return revisions.change(actor, versionId, expected, reason, allocator.roots(), "RAMP",
				v -> store.setRamp(v.id(), profile.text()));
	}

	/**
	 * A director publishes a draft: the company level (the top units' split) becomes binding, and with
	 * {@code wholeTree} every level at once; the version published until then is superseded.
	 */
	@Transactional
	public QuotaVersionView publish(CurrentUser actor, long versionId, long expected, boolean wholeTree) {
		QuotaAccess.requireDirector(actor);
		VersionRow v = revisions.lock(versionId, expected);
		if (v.state() != State.DRAFT) {
			throw new ConflictException("quotas.error.notDraft", v.number());
		}
		Instant now = clock.instant();
		store.publish(v.id(), actor.username(), now);
		List<Long> units = new ArrayList<>();
		for (long root : allocator.roots()) {
			units.addAll(wholeTree ? allocator.org(v.fiscalYear()).subtree(root) : List.of(root));
		}
		store.release(v.id(), units, actor.username(), now);
		QuotaVersionView view = queries.view(store.version(v.id()).orElseThrow());
		audit.record("QUOTA_VERSION", v.id(), "PUBLISH", null, Map.of("units", units), "FY" + v.fiscalYear() + " v"
				+ v.number());
		events.publishEvent(new QuotaPublished(v.fiscalYear(), v.id(), v.number(),
				units.stream().map(UnitId::of).toList(), actor.username(), now));
		return view;
	}

	/**
	 * A manager (or director) makes the level of a unit binding once the unit's own figure is: the level above it is
	 * released. Refused when the split hands out more than the pool (the figure plus the over-assignment).
	 */
	@Transactional
	public QuotaVersionView release(CurrentUser actor, long versionId, long expected, long unitId) {
		VersionRow current = queries.versionOf(versionId);
		queries.requireAllocator(actor, scopes.of(actor), current, unitId);
		if (current.state() != State.PUBLISHED) {
			throw new ConflictException("quotas.error.notPublished", current.number());
		}
		Map<Long, QuotaStore.Release> releases = store.releases(versionId);
		if (releases.containsKey(unitId)) {
			throw new ConflictException("quotas.error.released", unitId);
		}
		Long parent = queries.parentIn(current, unitId);
		if (parent == null || !releases.containsKey(parent)) {
			throw new ConflictException("quotas.error.figureNotPublished", unitId);
		}
		if (queries.exceedsPool(current, unitId)) {
			throw new ConflictException("quotas.error.overPool", unitId);
		}
		VersionRow v = revisions.lock(versionId, expected);
		Instant now = clock.instant();
		store.release(v.id(), List.of(unitId), actor.username(), now);
		audit.record("QUOTA_VERSION", v.id(), "RELEASE", null, Map.of("unit", unitId), "FY" + v.fiscalYear() + " v"
				+ v.number());
		events.publishEvent(new QuotaPublished(v.fiscalYear(), v.id(), v.number(), List.of(UnitId.of(unitId)),
				actor.username(), now));
		return queries.view(store.version(v.id()).orElseThrow());
	}

	/**
	 * Seats anew the people whose unit changed since the version worked out their quota (moved, joined, left), those
	 * the actor may prorate: their months are prorated in the units they belong to now, the levels of every unit they
	 * leave or join split again (figures imported for their changed months give way). In place in a draft; once it
	 * binds, a new version with the reason, as every change.
	 */
	@Transactional
	public QuotaVersionView prorate(CurrentUser actor, long versionId, long expected, @Nullable String reason) {
		VersionRow v = queries.versionOf(versionId);
		List<QuotaUnitChanges.Reseat> reseats = unitChanges.reseats(actor, v).stream().filter(r -> r.change().mayProrate())
			.toList();
		if (reseats.isEmpty()) {
			throw new ConflictException("quotas.error.noUnitChanges", v.number());
		}
		Set<Long> people = new java.util.LinkedHashSet<>();
		Set<Long> units = new java.util.LinkedHashSet<>();
		reseats.forEach(r -> {
			people.add(r.change().staffId());
			units.addAll(r.units());
		});
		Map<Long, Long[]> counted = store.membership(v.id());
		return revisions.change(actor, versionId, expected, reason, List.copyOf(units), "PRORATE",
				Allocator.Seating.of(people), into -> figureStore.clearFigures(into.id(), people, counted,
						allocator.org(v.fiscalYear()).people()));
	}

	/** The signed-in salesperson acknowledges their own published quota of the year, with an optional comment. */
	@Transactional
	public QuotaStatus acknowledge(CurrentUser actor, int fiscalYear, @Nullable String comment) {
		long staff = scopes.staffIdOf(actor).orElseThrow(() -> new NotFoundException("quota", fiscalYear));
		QuotaStatus status = reading.status(fiscalYear, StaffId.of(staff))
			.orElseThrow(() -> new NotFoundException("quota", fiscalYear));
		if (comment != null && comment.length() > 1000) {
			throw ValidationFailedException.of("comment", "quotas.error.comment", 1000);
		}
		Instant now = clock.instant();
		String text = comment == null || comment.isBlank() ? null : comment.strip();
		acknowledgements.acknowledge(status.versionId(), staff, actor.username(), now, text);
		audit.record("QUOTA_VERSION", status.versionId(), "ACKNOWLEDGE", null, Map.of("staff", staff),
				text == null ? "" : text);
		events.publishEvent(new QuotaAcknowledged(fiscalYear, status.versionId(), StaffId.of(staff), now, text));
		return reading.status(fiscalYear, StaffId.of(staff)).orElseThrow();
	}

	private static Ramp ramp(String text) {
		try {
			return Ramp.parse(text);
		}
		catch (IllegalArgumentException ex) {
			throw ValidationFailedException.of("ramp", "quotas.error.ramp");
		}
	}
}
