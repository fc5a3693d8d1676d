package io.rumbo.lessons;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.identity.AuditTrail;
import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.identity.UserId;
import io.rumbo.identity.UserManagement;
import io.rumbo.identity.UserView;
import io.rumbo.organization.DataScopes;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.organization.StaffId;
import io.rumbo.organization.StaffManagement;
import io.rumbo.sales.OpportunityLost;
import io.rumbo.sales.OpportunityQueries;
import io.rumbo.sales.OpportunityView;
import io.rumbo.sales.OpportunityWon;
import io.rumbo.sales.TaskId;
import io.rumbo.sales.TaskManagement;
import io.rumbo.shared.domain.AccessRefusedException;
import io.rumbo.shared.domain.ConflictException;
import io.rumbo.shared.domain.NotFoundException;
import io.rumbo.shared.domain.StaleVersionException;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.shared.money.Amounts;
import io.rumbo.shared.web.LocaleSupport;

/**
 * Win/loss retrospectives (decision 0032): when an opportunity is won or lost at or above the threshold, its owner gets
 * a task on their agenda that opens the retrospective form; the retrospective they submit becomes a lesson linked to
 * the opportunity and completes the task. One retrospective per opportunity and outcome, whatever number of times the
 * event arrives (the table's key). The threshold is a setting in the company's currency, kept by admins and directors.
 */
@Service
public class Retrospectives {

	/** The threshold when nobody set one: 10,000 in the company's currency. */
	public static final BigDecimal DEFAULT_THRESHOLD = new BigDecimal("10000");

	/**
	 * A deal closed longer ago than this (a backdated move, an import, the demo's history) asks for no retrospective:
	 * nobody remembers it well enough to write one.
	 */
	public static final int FRESH_DAYS = 30;

	/** Days the owner has to write the retrospective. */
	static final int DAYS_TO_WRITE = 7;

	public enum Result {
		WON, LOST
	}

	/** The threshold in force and its currency; {@code version} 0 while the default applies. */
	@io.swagger.v3.oas.annotations.media.Schema(name = "LessonsRetrospectiveSettings")
	public record Settings(BigDecimal threshold, String currency, long version) {
	}

	/** A retrospective asked of someone: the opportunity, its outcome, the task, and the lesson once written. */
	@io.swagger.v3.oas.annotations.media.Schema(name = "LessonsRetrospective")
	public record Retrospective(long id, long opportunityId, Result result, long ownerStaffId, BigDecimal amount,
			String currency, LocalDate closedOn, @Nullable Long taskId, @Nullable Long lessonId) {
	}

	private static final Logger log = LoggerFactory.getLogger(Retrospectives.class);

	/** Reads the deal and its owner's account for the task's title, whoever closed the deal. */
	private static final CurrentUser SYSTEM = new CurrentUser(new UserId(0), "system", "Rumbo", Set.of(Role.ADMIN));

	private final JdbcClient jdbc;
	private final TaskManagement tasks;
	private final OpportunityQueries opportunities;
	private final Lessons lessons;
	private final DataScopes scopes;
	private final AuditTrail audit;
	private final Clock clock;
	private final String currency;
	private final OrgDirectory org;
	private final MessageSource messages;
	private final StaffManagement staff;
	private final UserManagement users;
	private final String language;

	Retrospectives(JdbcClient jdbc, TaskManagement tasks, OpportunityQueries opportunities, Lessons lessons,
			DataScopes scopes, AuditTrail audit, Clock clock, @Value("${rumbo.currency:EUR}") String currency,
			OrgDirectory org, MessageSource messages, StaffManagement staff, UserManagement users,
			@Value("${rumbo.language:es}") String language) {
		this.staff = staff;
		this.users = users;
		this.language = language;
		this.org = org;
		this.messages = messages;
		this.jdbc = jdbc;
		this.tasks = tasks;
		this.opportunities = opportunities;
		this.lessons = lessons;
		this.scopes = scopes;
		this.audit = audit;
		this.clock = clock;
		this.currency = currency;
	}

	@ApplicationModuleListener
	void on(OpportunityWon won) {
		ask(won.opportunity().value(), Result.WON, won.owner(), won.amount(), won.closedOn(), won.customer().value());
	}

	@ApplicationModuleListener
	void on(OpportunityLost lost) {
		ask(lost.opportunity().value(), Result.LOST, lost.owner(), lost.amount(), lost.closedOn(),
				lost.customer().value());
	}

	/**
	 * Asks the owner for a retrospective when the amount is at or above the threshold, the deal closed within the last
	 * {@link #FRESH_DAYS} days and none was asked for this opportunity and outcome yet; answers whether one was asked.
	 */
	@Transactional
	public boolean ask(long opportunityId, Result result, StaffId owner, BigDecimal amount,
			LocalDate closedOn, long customerId) {
		Settings settings = settings();
		if (!settings.currency().equals(currency)) {
			log.warn("The retrospective threshold is in {} but the company's currency is {}: no retrospective asked "
					+ "until an administrator sets it again.", settings.currency(), currency);
			return false;
		}
		if (amount.compareTo(settings.threshold()) < 0
				|| closedOn.isBefore(LocalDate.now(clock).minusDays(FRESH_DAYS))) {
			return false;
		}
		boolean asked = jdbc.sql("SELECT COUNT(*) FROM lessons_retrospective WHERE opportunity_id = :o AND result = :r")
			.param("o", opportunityId).param("r", result.name()).query(Long.class).single() > 0;
		if (asked) {
			return false;
		}
		Long unit = org.staff(owner).map(OrgDirectory.StaffSummary::unitId).orElse(null);
		if (unit == null) {
			return false;
		}
		// A duplicate key inside the listener's transaction would abort it on PostgreSQL: insert only when absent.
		int inserted = jdbc.sql("""
				INSERT INTO lessons_retrospective (opportunity_id, result, owner_staff_id, owner_unit_id, amount,
				    currency, closed_on)
				SELECT :o, :r, :owner, :unit, :amount, :currency, :closedOn
				WHERE NOT EXISTS (SELECT 1 FROM lessons_retrospective WHERE opportunity_id = :o AND result = :r)""")
			.param("o", opportunityId).param("r", result.name()).param("owner", owner.value()).param("unit", unit)
			.param("amount", amount).param("currency", currency).param("closedOn", closedOn).update();
		if (inserted == 0) {
			return false;
		}
		LocalDate today = LocalDate.now(clock);
		// Rendered for the owner (their language, else the company's), with the deal's title: never the listener
		// thread's default locale nor a number-formatted id.
		String title = messages.getMessage("lessons.retrospective.taskTitle." + result,
				new Object[] { dealTitle(opportunityId) }, ownerLocale(owner));
		TaskId task = tasks.assignFor(owner, title, null, customerId,
				today.plusDays(DAYS_TO_WRITE), "/lessons/retrospectives/new?opportunity=" + opportunityId, "lessons");
		jdbc.sql("UPDATE lessons_retrospective SET task_id = :task WHERE opportunity_id = :o AND result = :r")
			.param("task", task.value()).param("o", opportunityId).param("r", result.name()).update();
		return true;
	}

	/** The retrospective asked for the opportunity and not yet written, if the reader is its owner. */
	@Transactional(readOnly = true)
	public Optional<Retrospective> pending(CurrentUser actor, long opportunityId) {
		Long me = scopes.staffIdOf(actor).orElse(null);
		if (me == null) {
			return Optional.empty();
		}
		return jdbc.sql("SELECT * FROM lessons_retrospective WHERE opportunity_id = :o AND owner_staff_id = :me "
				+ "AND lesson_id IS NULL ORDER BY id DESC").param("o", opportunityId).param("me", me)
			.query(Retrospectives::row).list().stream().findFirst();
	}

	/** The retrospectives asked of the reader (their own, as owner), written or not, newest first. */
	@Transactional(readOnly = true)
	public List<Retrospective> mine(CurrentUser actor) {
		Long me = scopes.staffIdOf(actor).orElse(null);
		if (me == null) {
			return List.of();
		}
		return jdbc.sql("SELECT * FROM lessons_retrospective WHERE owner_staff_id = :me ORDER BY closed_on DESC, id DESC")
			.param("me", me).query(Retrospectives::row).list();
	}

	/**
	 * The owner writes the retrospective of an opportunity they can see: a lesson linked to it (and its customer),
	 * outcome filled from the result unless given; completes the task. Without a pending retrospective any lesson
	 * about the opportunity may still be written, through the ordinary form.
	 */
	@Transactional
	public LessonView write(CurrentUser actor, long opportunityId, Lessons.LessonDetails details) {
		OpportunityView opportunity = opportunities.get(actor, opportunityId);
		Retrospective pending = pending(actor, opportunityId)
			.orElseThrow(() -> new ConflictException("lessons.retrospective.none"));
		LessonOutcome outcome = details.outcome() != null ? details.outcome()
				: pending.result() == Result.WON ? LessonOutcome.WORKED : LessonOutcome.FAILED;
		LessonView lesson = lessons.write(actor, new Lessons.LessonDetails(details.title(), details.whatHappened(),
				details.why(), details.advice(), outcome, details.language(), opportunityId,
				details.customerId() == null ? opportunity.customerId() : details.customerId(), details.strategyId(),
				details.productLineId(), details.segment(), details.scorecardId(), details.tags()));
		int linked = jdbc.sql("UPDATE lessons_retrospective SET lesson_id = :lesson WHERE id = :id AND lesson_id IS NULL")
			.param("lesson", lesson.id()).param("id", pending.id()).update();
		if (linked == 0) {
			throw new ConflictException("lessons.retrospective.none");
		}
		if (pending.taskId() != null) {
			try {
				var task = tasks.get(actor, pending.taskId());
				if (!task.done()) {
					tasks.complete(actor, pending.taskId(), true);
				}
			}
			catch (NotFoundException ex) {
				// The task was moved to someone else: the retrospective is written all the same.
			}
		}
		return lesson;
	}

	@Transactional(readOnly = true)
	public Settings settings() {
		return jdbc.sql("SELECT retrospective_threshold, currency, version FROM lessons_setting WHERE id = 1")
			.query((rs, n) -> new Settings(rs.getBigDecimal(1), rs.getString(2), rs.getLong(3)))
			.optional()
			.orElse(new Settings(DEFAULT_THRESHOLD, currency, 0));
	}

	public static boolean mayChangeSettings(CurrentUser actor) {
		return actor.hasAny(Role.ADMIN, Role.DIRECTOR);
	}

	/** Sets the threshold (in the company's currency); carries the version read, 0 for the default (409 if stale). */
	@Transactional
	public Settings changeThreshold(CurrentUser actor, long version, @Nullable BigDecimal threshold) {
		if (!mayChangeSettings(actor)) {
			throw new AccessRefusedException("lessons");
		}
		if (threshold == null) {
			throw ValidationFailedException.of("threshold", "shared.validation.required");
		}
		if (threshold.signum() < 0 || !Amounts.fitsPrice(threshold)) {
			throw ValidationFailedException.of("threshold", "lessons.settings.threshold.invalid");
		}
		Settings current = settings();
		if (current.version() != version) {
			throw new StaleVersionException(version, current);
		}
		BigDecimal amount = Amounts.money(threshold);
		int changed = version == 0
				? insertSettings(actor, amount)
				: jdbc.sql("UPDATE lessons_setting SET retrospective_threshold = :t, currency = :c, changed_by = :by, "
						+ "version = version + 1 WHERE id = 1 AND version = :v").param("t", amount).param("c", currency)
					.param("by", actor.username()).param("v", version).update();
		if (changed == 0) {
			throw new StaleVersionException(version, settings());
		}
		audit.record("LESSONS_SETTING", 1, "UPDATE",
				java.util.Map.of("threshold", current.threshold(), "currency", current.currency()),
				java.util.Map.of("threshold", amount, "currency", currency), "retrospective threshold");
		return settings();
	}

	private String dealTitle(long opportunityId) {
		try {
			return opportunities.get(SYSTEM, opportunityId).title();
		}
		catch (NotFoundException ex) {
			return "#" + opportunityId;
		}
	}

	/** The language the owner chose for their account, else the company's. */
	Locale ownerLocale(StaffId owner) {
		String chosen = null;
		try {
			Long account = staff.get(SYSTEM, owner.value()).userId();
			if (account != null) {
				UserView user = users.byIds(List.of(account)).get(account);
				chosen = user == null ? null : user.locale();
			}
		}
		catch (NotFoundException ex) {
			chosen = null;
		}
		return LocaleSupport.supported(Locale.forLanguageTag(chosen == null || chosen.isBlank() ? language : chosen));
	}

	private int insertSettings(CurrentUser actor, BigDecimal amount) {
		try {
			return jdbc.sql("INSERT INTO lessons_setting (id, retrospective_threshold, currency, changed_by, version) "
					+ "VALUES (1, :t, :c, :by, 1)").param("t", amount).param("c", currency).param("by", actor.username())
				.update();
		}
		catch (DuplicateKeyException ex) {
			return 0;
		}
	}

	private static Retrospective row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Retrospective(rs.getLong("id"), rs.getLong("opportunity_id"), Result.valueOf(rs.getString("result")),
				rs.getLong("owner_staff_id"), rs.getBigDecimal("amount"), rs.getString("currency"),
				rs.getObject("closed_on", LocalDate.class), rs.getObject("task_id", Long.class),
				rs.getObject("lesson_id", Long.class));
	}
}
