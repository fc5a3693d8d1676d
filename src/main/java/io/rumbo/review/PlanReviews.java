package io.rumbo.review;

import java.time.Clock;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.identity.AuditTrail;
import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.identity.UserManagement;
import io.rumbo.identity.UserView;
import io.rumbo.organization.DataScope;
import io.rumbo.organization.DataScopes;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.planning.FiscalCalendar;
import io.rumbo.planning.PlanReading;
import io.rumbo.planning.PlanViews;
import io.rumbo.review.ReviewViews.Explanation;
import io.rumbo.review.ReviewViews.Figures;
import io.rumbo.review.ReviewViews.ReviewRow;
import io.rumbo.review.ReviewViews.ReviewView;
import io.rumbo.review.ReviewViews.VerdictView;
import io.rumbo.review.domain.FrozenFigures;
import io.rumbo.review.domain.PlanReview;
import io.rumbo.review.domain.PlanReviewRepository;
import io.rumbo.shared.domain.AccessRefusedException;
import io.rumbo.shared.domain.NotFoundException;
import io.rumbo.shared.domain.StaleVersionException;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.shared.sql.Like;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.PageResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plan reviews: directors and administrators write any (a manager the reviews of the units they manage), as drafts
 * with live figures; sharing freezes the figures and makes the review read-only and visible to the people of its
 * unit (its subtree) and to those who manage it. Drafts are seen only by who may write them. Out of sight is 404.
 */
@Service
public class PlanReviews {

	/** Sort keys of the review list. */
	public static final Map<String, String> SORTS = Map.of("createdOn", "r.created_on", "title", "r.title",
			"fiscalYear", "r.fiscal_year", "state", "r.state", "sharedOn", "r.shared_on");

	public static final String DEFAULT_SORT = "createdOn,desc";

	/** The periods a review covers within a plan's year. */
	public static final List<String> PERIODS = List.of("Y", "Q1", "Q2", "Q3", "Q4");

	public record Filter(@Nullable String q, @Nullable ReviewState state, @Nullable Integer fiscalYear,
			@Nullable Long unitId) {
	}

	public record NewReview(@Nullable Long planId, @Nullable String period, @Nullable Long unitId,
			@Nullable String title) {
	}

	public record VerdictDetails(long strategyId, @Nullable Verdict verdict, @Nullable String conclusion) {
	}

	/** A draft's text: {@code explanations} and {@code verdicts} replace those given (a blank one removes it). */
	public record ReviewText(@Nullable String title, @Nullable String summary, @Nullable List<Explanation> explanations,
			@Nullable List<VerdictDetails> verdicts) {
	}

	private final PlanReviewRepository reviews;
	private final FrozenFigures frozen;
	private final ReviewFigures figures;
	private final PlanReading plans;
	private final FiscalCalendar calendar;
	private final OrgDirectory org;
	private final DataScopes scopes;
	private final AuditTrail audit;
	private final ApplicationEventPublisher events;
	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final Clock clock;
	private final UserManagement users;

	PlanReviews(PlanReviewRepository reviews, FrozenFigures frozen, ReviewFigures figures, PlanReading plans,
			FiscalCalendar calendar, OrgDirectory org, DataScopes scopes, AuditTrail audit,
			ApplicationEventPublisher events, JdbcClient jdbc, JsonMapper json, Clock clock, UserManagement users) {
		this.users = users;
		this.reviews = reviews;
		this.frozen = frozen;
		this.figures = figures;
		this.plans = plans;
		this.calendar = calendar;
		this.org = org;
		this.scopes = scopes;
		this.audit = audit;
		this.events = events;
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	/** Whether the user writes reviews at all (directors, administrators, managers for their units). */
	public static boolean mayWrite(CurrentUser actor) {
		return actor.hasAny(Role.ADMIN, Role.DIRECTOR, Role.MANAGER);
	}

	private static boolean writesEverything(CurrentUser actor) {
		return actor.hasAny(Role.ADMIN, Role.DIRECTOR);
	}

	private boolean mayWrite(CurrentUser actor, DataScope scope, long unitId) {
		return writesEverything(actor) || (actor.has(Role.MANAGER) && scope.managesUnit(unitId));
	}

	/** The units whose shared reviews the user reads: theirs and every unit above it, and the units they manage. */
	private Set<Long> readable(DataScope scope) {
		Set<Long> units = new HashSet<>(scope.managedUnitIds());
		Map<Long, Long> parents = new HashMap<>();
		org.unitTree().forEach(n -> parents.put(n.id(), n.parentId()));
		for (Long unit = scope.ownUnitId(); unit != null; unit = parents.get(unit)) {
			units.add(unit);
		}
		return units;
	}

	@Transactional(readOnly = true)
	public PageResponse<ReviewRow> list(CurrentUser actor, Filter filter, ListQuery query) {
		Map<String, Object> params = new HashMap<>();
		String where = where(actor, filter, params);
		long total = jdbc.sql("SELECT COUNT(*) FROM review_plan_review r" + where).params(params).query(Long.class)
			.single();
		return PageResponse.of(rows(where + query.orderBy("r.id") + query.limit(), params), query, total);
	}

	/** Every row of the list in its order, for exports. */
	@Transactional(readOnly = true)
	public void each(CurrentUser actor, Filter filter, ListQuery query, Consumer<ReviewRow> sink) {
		Map<String, Object> params = new HashMap<>();
		rows(where(actor, filter, params) + query.orderBy("r.id"), params).forEach(sink);
	}

	private String where(CurrentUser actor, Filter filter, Map<String, Object> params) {
		DataScope scope = scopes.of(actor);
		StringBuilder where = new StringBuilder(" WHERE 1 = 1");
		if (!writesEverything(actor)) {
			List<Long> readable = new ArrayList<>(readable(scope));
			readable.add(-1L);
			List<Long> writable = new ArrayList<>(actor.has(Role.MANAGER) ? scope.managedUnitIds() : Set.of());
			writable.add(-1L);
			where.append(scope.all() ? " AND (r.state = 'SHARED'" : " AND ((r.state = 'SHARED' AND r.unit_id IN (:readable))")
				.append(" OR (r.state = 'DRAFT' AND r.unit_id IN (:writable)))");
			params.put("readable", readable);
			params.put("writable", writable);
		}
		if (filter.q() != null && !filter.q().isBlank()) {
			where.append(" AND (LOWER(r.title) LIKE :q OR LOWER(r.summary) LIKE :q)");
			params.put("q", Like.containing(filter.q()));
		}
		if (filter.state() != null) {
			where.append(" AND r.state = :state");
			params.put("state", filter.state().name());
		}
		if (filter.fiscalYear() != null) {
			where.append(" AND r.fiscal_year = :year");
			params.put("year", filter.fiscalYear());
		}
		if (filter.unitId() != null) {
			where.append(" AND r.unit_id = :unit");
			params.put("unit", filter.unitId());
		}
		return where.toString();
	}

	private List<ReviewRow> rows(String tail, Map<String, Object> params) {
		var years = calendar.years();
		List<ReviewRow> raw = jdbc.sql("SELECT r.* FROM review_plan_review r" + tail).params(params)
			.query((rs, n) -> {
				int year = rs.getInt("fiscal_year");
				String period = rs.getString("period_code");
				String code = years.code(years.parse(period, year));
				return new ReviewRow(rs.getLong("id"), rs.getLong("version"), rs.getString("title"),
						rs.getLong("plan_id"), year, code, ReviewFigures.periodLabel(years, code, year),
						rs.getLong("unit_id"), "", ReviewState.valueOf(rs.getString("state")), rs.getString("created_by"),
						rs.getObject("created_on", LocalDate.class), rs.getObject("shared_on", LocalDate.class));
			})
			.list();
		Map<Long, String> names = org.unitNames(raw.stream().map(ReviewRow::unitId).distinct().toList());
		return raw.stream().map(r -> new ReviewRow(r.id(), r.version(), r.title(), r.planId(), r.fiscalYear(), r.period(),
				r.periodLabel(), r.unitId(), names.getOrDefault(r.unitId(), "#" + r.unitId()), r.state(), r.createdBy(),
				r.createdOn(), r.sharedOn())).toList();
	}

	@Transactional(readOnly = true)
	public ReviewView get(CurrentUser actor, long id) {
		PlanReview review = visible(actor, id);
		return view(actor, review, figuresOf(actor, review));
	}

	/** The review's figures: live for a draft, frozen for a shared review. */
	@Transactional(readOnly = true)
	public Figures figures(CurrentUser actor, long id) {
		return figuresOf(actor, visible(actor, id));
	}

	@Transactional
	public ReviewView create(CurrentUser actor, NewReview details) {
		if (!mayWrite(actor)) {
			throw new AccessRefusedException("reviews");
		}
		List<ValidationFailedException.FieldError> errors = new ArrayList<>();
		if (details.planId() == null) {
			errors.add(new ValidationFailedException.FieldError("planId", "shared.validation.required"));
		}
		String period = details.period() == null || details.period().isBlank() ? "Y"
				: details.period().trim().toUpperCase(java.util.Locale.ROOT);
		if (!PERIODS.contains(period)) {
			errors.add(new ValidationFailedException.FieldError("period", "review.period.invalid"));
		}
		if (!errors.isEmpty()) {
			throw new ValidationFailedException(errors);
		}
		PlanViews.PlanView plan;
		try {
			plan = plans.plan(actor, details.planId());
		}
		catch (NotFoundException ex) {
			throw ValidationFailedException.of("planId", "review.plan.unknown");
		}
		DataScope scope = scopes.of(actor);
		long unitId = details.unitId() == null ? figures.rootUnit() : details.unitId();
		if (org.unitNames(List.of(unitId)).isEmpty()) {
			throw ValidationFailedException.of("unitId", "review.unit.unknown");
		}
		if (!mayWrite(actor, scope, unitId)) {
			throw new AccessRefusedException("reviews");
		}
		String title = details.title() == null || details.title().isBlank()
				? plan.name() + " · " + ReviewFigures.periodLabel(calendar.years(),
						calendar.years().code(calendar.years().parse(period, plan.fiscalYear())), plan.fiscalYear())
				: details.title();
		// The figures must be computable (an approved or active version): checked before anything is written.
		Figures live = figures.compute(actor, plan.id(), period, unitId);
		PlanReview review = reviews.saveAndFlush(new PlanReview(plan.id(), plan.fiscalYear(), period, unitId, title,
				actor.username(), LocalDate.now(clock)));
		audit.record("PLAN_REVIEW", review.id(), "CREATE", null, Map.of("planId", plan.id(), "period", period,
				"unitId", unitId), review.title());
		return view(actor, review, live);
	}

	@Transactional
	public ReviewView write(CurrentUser actor, long id, long version, ReviewText text) {
		PlanReview review = writable(actor, id, version);
		String before = review.title();
		review.retitle(text.title() == null ? review.title() : text.title(), text.summary() == null ? review.summary()
				: text.summary());
		Set<Long> units = figures.subtreeOf(review.unitId());
		if (text.explanations() != null) {
			for (Explanation e : text.explanations()) {
				if (!units.contains(e.unitId())) {
					throw ValidationFailedException.of("explanations", "review.unit.notInReview");
				}
				review.explain(e.unitId(), e.text());
			}
		}
		if (text.verdicts() != null) {
			Set<Long> ofPlan = figures.strategiesOf(review.planId());
			for (VerdictDetails v : text.verdicts()) {
				if (!ofPlan.contains(v.strategyId())) {
					throw ValidationFailedException.of("verdicts", "review.strategy.notInPlan");
				}
				if (v.verdict() == null && v.conclusion() != null && !v.conclusion().isBlank()) {
					throw ValidationFailedException.of("verdicts", "review.verdict.missing");
				}
				review.judge(v.strategyId(), v.verdict(), v.conclusion());
			}
		}
		reviews.saveAndFlush(review);
		audit.record("PLAN_REVIEW", id, "UPDATE", Map.of("title", before), Map.of("title", review.title(),
				"explanations", review.explanations().size(), "verdicts", review.verdicts().size()), review.title());
		return get(actor, id);
	}

	/** Shares a draft: its figures are frozen as they are now and it becomes read-only. */
	@Transactional
	public ReviewView share(CurrentUser actor, long id, long version) {
		PlanReview review = writable(actor, id, version);
		Figures now = figures.compute(actor, review.planId(), review.periodCode(), review.unitId());
		review.share(actor.username(), LocalDate.now(clock));
		reviews.saveAndFlush(review);
		frozen.freeze(review.id(), json.writeValueAsString(now));
		audit.record("PLAN_REVIEW", id, "SHARE", Map.of("state", ReviewState.DRAFT.name()),
				Map.of("state", ReviewState.SHARED.name()), review.title());
		events.publishEvent(new PlanReviewShared(review.id(), review.unitId(), review.fiscalYear(), now.period(),
				actor.username()));
		return view(actor, review, now);
	}

	private PlanReview writable(CurrentUser actor, long id, long version) {
		PlanReview review = visible(actor, id);
		if (!mayWrite(actor, scopes.of(actor), review.unitId())) {
			throw new AccessRefusedException("reviews");
		}
		if (review.version() != version) {
			throw new StaleVersionException(version, get(actor, id));
		}
		return review;
	}

	private PlanReview visible(CurrentUser actor, long id) {
		PlanReview review = reviews.findById(id).orElseThrow(() -> new NotFoundException("planReview", id));
		DataScope scope = scopes.of(actor);
		boolean sees = review.state() == ReviewState.SHARED
				? writesEverything(actor) || scope.all() || readable(scope).contains(review.unitId())
				: mayWrite(actor, scope, review.unitId());
		if (!sees) {
			throw new NotFoundException("planReview", id);
		}
		return review;
	}

	private Figures figuresOf(CurrentUser actor, PlanReview review) {
		if (review.state() == ReviewState.SHARED) {
			String stored = frozen.of(review.id()).orElseThrow(() -> new NotFoundException("planReview", review.id()));
			return json.readValue(stored, Figures.class);
		}
		return figures.compute(actor, review.planId(), review.periodCode(), review.unitId());
	}

	private ReviewView view(CurrentUser actor, PlanReview r, Figures f) {
		String unitName = org.unitNames(List.of(r.unitId())).getOrDefault(r.unitId(), "#" + r.unitId());
		List<Explanation> explanations = r.explanations().entrySet().stream()
			.map(e -> new Explanation(e.getKey(), e.getValue()))
			.sorted(java.util.Comparator.comparing(Explanation::unitId))
			.toList();
		List<VerdictView> verdicts = r.verdicts().entrySet().stream()
			.map(e -> new VerdictView(e.getKey(), e.getValue().verdict(), e.getValue().conclusion()))
			.sorted(java.util.Comparator.comparing(VerdictView::strategyId))
			.toList();
		boolean editable = r.state() == ReviewState.DRAFT && mayWrite(actor, scopes.of(actor), r.unitId());
		return new ReviewView(r.id(), r.version(), r.title(), r.summary(), r.planId(), r.fiscalYear(), f.period(),
				f.periodLabel(), r.unitId(), unitName, r.unitId() == figures.rootUnit(), r.state(), r.createdBy(), r.createdOn(), r.sharedBy(),
				sharedByName(r.sharedBy()), r.sharedOn(), editable, explanations, verdicts, f);
	}

	/** The sharer as people know them (their display name; the user name if the account is gone). */
	private @Nullable String sharedByName(@Nullable String username) {
		if (username == null) {
			return null;
		}
		UserView user = users.byUsernames(List.of(username)).get(username);
		return user == null ? username : user.displayName();
	}
}
