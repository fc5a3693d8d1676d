package io.rumbo.lessons;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.catalog.CatalogManagement;
import io.rumbo.customers.CustomerManagement;
import io.rumbo.customers.Segment;
import io.rumbo.evaluation.Scorecards;
import io.rumbo.identity.AuditTrail;
import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.lessons.domain.Lesson;
import io.rumbo.lessons.domain.LessonRepository;
import io.rumbo.organization.DataScope;
import io.rumbo.organization.DataScopes;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.organization.StaffId;
import io.rumbo.organization.UnitId;
import io.rumbo.planning.StrategyManagement;
import io.rumbo.sales.OpportunityQueries;
import io.rumbo.shared.domain.AccessRefusedException;
import io.rumbo.shared.domain.ConflictException;
import io.rumbo.shared.domain.NotFoundException;
import io.rumbo.shared.domain.StaleVersionException;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.shared.domain.ValidationFailedException.FieldError;

/**
 * Writing lessons, promoting them to success cases, taking them back, and the "useful" marks (decision 0032). Every
 * change is audited; a lesson's links are checked through the linked module's API, within the author's scope.
 */
@Service
public class Lessons {

	/** What the author writes; links are optional, a lesson may be about nothing in particular. */
	public record LessonDetails(@Nullable String title, @Nullable String whatHappened, @Nullable String why,
			@Nullable String advice, @Nullable LessonOutcome outcome, @Nullable String language,
			@Nullable Long opportunityId, @Nullable Long customerId, @Nullable Long strategyId,
			@Nullable Long productLineId, @Nullable Segment segment, @Nullable Long scorecardId,
			@Nullable List<String> tags) {
	}

	private final LessonRepository lessons;
	private final LessonQueries queries;
	private final DataScopes scopes;
	private final OrgDirectory org;
	private final OpportunityQueries opportunities;
	private final CustomerManagement customers;
	private final StrategyManagement strategies;
	private final CatalogManagement catalog;
	private final Scorecards scorecards;
	private final AuditTrail audit;
	private final JdbcClient jdbc;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	Lessons(LessonRepository lessons, LessonQueries queries, DataScopes scopes, OrgDirectory org,
			OpportunityQueries opportunities, CustomerManagement customers, StrategyManagement strategies,
			CatalogManagement catalog, Scorecards scorecards, AuditTrail audit, JdbcClient jdbc,
			ApplicationEventPublisher events, Clock clock) {
		this.lessons = lessons;
		this.queries = queries;
		this.scopes = scopes;
		this.org = org;
		this.opportunities = opportunities;
		this.customers = customers;
		this.strategies = strategies;
		this.catalog = catalog;
		this.scorecards = scorecards;
		this.audit = audit;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	public LessonView write(CurrentUser actor, LessonDetails details) {
		if (!LessonQueries.mayWrite(actor)) {
			throw new AccessRefusedException("lessons");
		}
		Lesson.Content content = validate(actor, details);
		Long staffId = scopes.staffIdOf(actor).orElse(null);
		Long unitId = staffId == null ? null : org.staff(staffId).map(OrgDirectory.StaffSummary::unitId).orElse(null);
		Lesson lesson = new Lesson(actor.username(), actor.displayName(), staffId, unitId, LocalDate.now(clock));
		lesson.write(content);
		lessons.saveAndFlush(lesson);
		audit.record("LESSON", lesson.id(), "CREATE", null, lesson.auditState(), lesson.title());
		return queries.get(actor, lesson.id());
	}

	/** The author rewrites their lesson while it is a draft (409 once promoted, 409 with the current one if stale). */
	@Transactional
	public LessonView edit(CurrentUser actor, long id, long version, LessonDetails details) {
		LessonView current = queries.get(actor, id);
		if (!current.author().equals(actor.username())) {
			throw new AccessRefusedException("lessons");
		}
		Lesson lesson = lessons.findById(id).orElseThrow(() -> new NotFoundException("lesson", id));
		if (lesson.version() != version) {
			throw new StaleVersionException(version, current);
		}
		Lesson.Content content = validate(actor, details);
		var before = lesson.auditState();
		lesson.write(content);
		lessons.saveAndFlush(lesson);
		audit.record("LESSON", id, "UPDATE", before, lesson.auditState(), lesson.title());
		return queries.get(actor, id);
	}

	/** Whether the user may promote this lesson: a manager of the unit it was written in, or a director/admin. */
	public boolean mayPromote(CurrentUser actor, LessonView lesson) {
		if (actor.hasAny(Role.ADMIN, Role.DIRECTOR)) {
			return true;
		}
		DataScope scope = scopes.of(actor);
		return actor.has(Role.MANAGER) && lesson.authorUnitId() != null && scope.managesUnit(lesson.authorUnitId());
	}

	/** Whether the user may share with this unit: one they manage (subtree), or any for a director or admin. */
	public boolean mayShareWith(CurrentUser actor, long unitId) {
		if (!org.isActiveUnit(unitId)) {
			return false;
		}
		return actor.hasAny(Role.ADMIN, Role.DIRECTOR)
				|| (actor.has(Role.MANAGER) && scopes.of(actor).managesUnit(unitId));
	}

	/** Promotes a draft to a success case shared with the unit's subtree, announced with {@link SuccessCaseShared}. */
	@Transactional
	public LessonView promote(CurrentUser actor, long id, long version, @Nullable Long unitId) {
		LessonView current = queries.get(actor, id);
		if (!mayPromote(actor, current)) {
			throw new AccessRefusedException("lessons");
		}
		if (unitId == null) {
			throw ValidationFailedException.of("unitId", "shared.validation.required");
		}
		if (!mayShareWith(actor, unitId)) {
			throw ValidationFailedException.of("unitId", "lessons.share.outOfScope");
		}
		Lesson lesson = lessons.findById(id).orElseThrow(() -> new NotFoundException("lesson", id));
		if (lesson.version() != version) {
			throw new StaleVersionException(version, current);
		}
		var before = lesson.auditState();
		LocalDate today = LocalDate.now(clock);
		lesson.share(unitId, actor.username(), today);
		lessons.saveAndFlush(lesson);
		audit.record("LESSON", id, "SHARE", before, lesson.auditState(), lesson.title());
		events.publishEvent(new SuccessCaseShared(LessonId.of(id), lesson.title(), UnitId.of(unitId),
				actor.username(), today, lesson.authorStaffId() == null ? null : StaffId.of(lesson.authorStaffId())));
		return queries.get(actor, id);
	}

	/** Takes a success case back from its scope (whoever may promote it); it stays, archived. */
	@Transactional
	public LessonView archive(CurrentUser actor, long id, long version) {
		LessonView current = queries.get(actor, id);
		if (!mayPromote(actor, current)) {
			throw new AccessRefusedException("lessons");
		}
		Lesson lesson = lessons.findById(id).orElseThrow(() -> new NotFoundException("lesson", id));
		if (lesson.version() != version) {
			throw new StaleVersionException(version, current);
		}
		var before = lesson.auditState();
		lesson.archive();
		lessons.saveAndFlush(lesson);
		audit.record("LESSON", id, "ARCHIVE", before, lesson.auditState(), lesson.title());
		return queries.get(actor, id);
	}

	/**
	 * Marks a shared success case useful for the reader, or takes their mark back: one mark a person. The count moves
	 * in one atomic update and the lesson's version stays, so people marking at once never meet a stale version.
	 */
	@Transactional
	public LessonView toggleUseful(CurrentUser actor, long id) {
		LessonView current = queries.get(actor, id);
		if (current.status() != LessonStatus.SHARED) {
			throw new ConflictException("lessons.lesson.notShared");
		}
		int removed = jdbc.sql("DELETE FROM lessons_useful_mark WHERE lesson_id = :id AND username = :me")
			.param("id", id).param("me", actor.username()).update();
		if (removed > 0) {
			jdbc.sql("UPDATE lessons_lesson SET useful_count = useful_count - 1 WHERE id = :id AND useful_count > 0")
				.param("id", id).update();
		}
		else {
			int added = jdbc.sql("INSERT INTO lessons_useful_mark (lesson_id, username, marked_on) "
					+ "SELECT :id, :me, :today WHERE NOT EXISTS (SELECT 1 FROM lessons_useful_mark "
					+ "WHERE lesson_id = :id AND username = :me)")
				.param("id", id).param("me", actor.username()).param("today", LocalDate.now(clock)).update();
			if (added > 0) {
				jdbc.sql("UPDATE lessons_lesson SET useful_count = useful_count + 1 WHERE id = :id").param("id", id)
					.update();
			}
		}
		return queries.get(actor, current.id());
	}

	private Lesson.Content validate(CurrentUser actor, LessonDetails d) {
		List<FieldError> errors = new ArrayList<>();
		String title = trimmed(d.title());
		String what = trimmed(d.whatHappened());
		String why = trimmed(d.why());
		if (title == null) {
			errors.add(new FieldError("title", "shared.validation.required"));
		}
		else if (title.length() > 200) {
			errors.add(new FieldError("title", "lessons.validation.tooLong", 200));
		}
		if (what == null) {
			errors.add(new FieldError("whatHappened", "shared.validation.required"));
		}
		else if (what.length() > 4000) {
			errors.add(new FieldError("whatHappened", "lessons.validation.tooLong", 4000));
		}
		if (why == null) {
			errors.add(new FieldError("why", "shared.validation.required"));
		}
		else if (why.length() > 4000) {
			errors.add(new FieldError("why", "lessons.validation.tooLong", 4000));
		}
		String advice = trimmed(d.advice());
		if (advice != null && advice.length() > 4000) {
			errors.add(new FieldError("advice", "lessons.validation.tooLong", 4000));
		}
		if (d.outcome() == null) {
			errors.add(new FieldError("outcome", "shared.validation.required"));
		}
		String language = trimmed(d.language());
		if (language != null && language.length() > 35) {
			errors.add(new FieldError("language", "lessons.validation.tooLong", 35));
		}
		List<String> tags = Lesson.normalTags(d.tags());
		if (tags.size() > Lesson.MAX_TAGS || tags.stream().anyMatch(t -> t.length() > Lesson.TAG_LENGTH)) {
			errors.add(new FieldError("tags", "lessons.validation.tags", Lesson.MAX_TAGS, Lesson.TAG_LENGTH));
		}
		if (d.opportunityId() != null && !visible(() -> opportunities.get(actor, d.opportunityId()))) {
			errors.add(new FieldError("opportunityId", "lessons.link.unknown"));
		}
		if (d.customerId() != null && !customers.isVisible(actor, d.customerId())) {
			errors.add(new FieldError("customerId", "lessons.link.unknown"));
		}
		if (d.strategyId() != null && !strategies.exists(d.strategyId())) {
			errors.add(new FieldError("strategyId", "lessons.link.unknown"));
		}
		if (d.productLineId() != null && !visible(() -> catalog.line(d.productLineId()))) {
			errors.add(new FieldError("productLineId", "lessons.link.unknown"));
		}
		if (d.scorecardId() != null && !visible(() -> scorecards.get(actor, d.scorecardId()))) {
			errors.add(new FieldError("scorecardId", "lessons.link.unknown"));
		}
		if (!errors.isEmpty()) {
			throw new ValidationFailedException(errors);
		}
		return new Lesson.Content(java.util.Objects.requireNonNull(title), java.util.Objects.requireNonNull(what),
				java.util.Objects.requireNonNull(why), advice, java.util.Objects.requireNonNull(d.outcome()), language,
				d.opportunityId(), d.customerId(), d.strategyId(), d.productLineId(), d.segment(), d.scorecardId(), tags);
	}

	private static boolean visible(Runnable read) {
		try {
			read.run();
			return true;
		}
		catch (NotFoundException | AccessRefusedException ex) {
			return false;
		}
	}

	private static @Nullable String trimmed(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.trim();
	}
}
