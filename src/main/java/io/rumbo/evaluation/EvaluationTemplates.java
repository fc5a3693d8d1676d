package io.rumbo.evaluation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.evaluation.ScorecardViews.Example;
import io.rumbo.evaluation.TemplateViews.Acknowledgements;
import io.rumbo.evaluation.TemplateViews.Pending;
import io.rumbo.evaluation.TemplateViews.TemplateDetails;
import io.rumbo.evaluation.TemplateViews.TemplateView;
import io.rumbo.evaluation.domain.EvaluationTemplate;
import io.rumbo.evaluation.domain.FigureReader;
import io.rumbo.evaluation.domain.Populations;
import io.rumbo.evaluation.domain.ScoreSheet;
import io.rumbo.evaluation.domain.TemplateStore;
import io.rumbo.identity.AuditTrail;
import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.organization.DataScope;
import io.rumbo.organization.DataScopes;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.planning.FiscalCalendar;
import io.rumbo.shared.domain.AccessRefusedException;
import io.rumbo.shared.domain.ConflictException;
import io.rumbo.shared.domain.NotFoundException;
import io.rumbo.shared.domain.StaleVersionException;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.shared.time.FiscalPeriod;
import io.rumbo.shared.time.FiscalYears;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.PageResponse;

/**
 * Evaluation templates: directors and administrators write drafts, publish them to score from a later day and
 * replace them with new versions; published templates are open to everyone (criteria known in advance), drafts only
 * to their authors. Each person of a published template's population acknowledges it after seeing a worked example
 * on their own figures of today ({@link #example}). Publication is audited and announced ({@link TemplatePublished}).
 */
@Service
public class EvaluationTemplates {

	public static final Map<String, String> SORTS = Map.of("name", "name", "code", "code", "validFrom", "valid_from",
			"state", "state");

	/**
	 * List filter: a text in the name or code, a state; {@code mine}: only the published templates whose population
	 * the reader belongs to today (what they are scored by).
	 */
	public record Filter(@Nullable String q, @Nullable TemplateState state, boolean mine) {
	}

	private final TemplateStore store;
	private final Populations populations;
	private final FigureReader figures;
	private final FiscalCalendar calendar;
	private final OrgDirectory org;
	private final DataScopes scopes;
	private final AuditTrail audit;
	private final JdbcClient jdbc;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	EvaluationTemplates(TemplateStore store, Populations populations, FigureReader figures, FiscalCalendar calendar,
			OrgDirectory org, DataScopes scopes, AuditTrail audit, JdbcClient jdbc, ApplicationEventPublisher events,
			Clock clock) {
		this.store = store;
		this.populations = populations;
		this.figures = figures;
		this.calendar = calendar;
		this.org = org;
		this.scopes = scopes;
		this.audit = audit;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	/** Who writes and publishes templates (and opens cycles): directors and administrators. */
	public static boolean mayAuthor(CurrentUser actor) {
		return actor.hasAny(Role.ADMIN, Role.DIRECTOR);
	}

	@Transactional(readOnly = true)
	public PageResponse<TemplateView> list(CurrentUser actor, Filter filter, ListQuery query) {
		Map<String, Object> params = new HashMap<>();
		StringBuilder where = new StringBuilder(" WHERE 1 = 1");
		if (!mayAuthor(actor)) {
			where.append(" AND state <> 'DRAFT'");
		}
		if (filter.state() != null) {
			where.append(" AND state = :state");
			params.put("state", filter.state().name());
		}
		if (filter.q() != null && !filter.q().isBlank()) {
			where.append(" AND (LOWER(name) LIKE :q OR LOWER(code) LIKE :q)");
			params.put("q", "%" + filter.q().trim().toLowerCase(Locale.ROOT) + "%");
		}
		if (filter.mine()) {
			List<TemplateView> mine = mine(actor);
			return PageResponse.of(mine, ListQuery.of(0, ListQuery.MAX_SIZE, null, SORTS, "name"), mine.size());
		}
		long total = jdbc.sql("SELECT COUNT(*) FROM evaluation_template" + where).params(params).query(Long.class)
			.single();
		List<EvaluationTemplate> found = store.select(where + query.orderBy("id") + query.limit(), params);
		return PageResponse.of(views(actor, found), query, total);
	}

	@Transactional(readOnly = true)
	public TemplateView get(CurrentUser actor, long id) {
		return views(actor, List.of(load(actor, id))).get(0);
	}

	/** The published templates whose population the reader belongs to today, with their acknowledgement. */
	private List<TemplateView> mine(CurrentUser actor) {
		Long self = scopes.staffIdOf(actor).orElse(null);
		if (self == null) {
			return List.of();
		}
		LocalDate today = LocalDate.now(clock);
		List<EvaluationTemplate> published = store.select(" WHERE state = 'PUBLISHED' ORDER BY valid_from, id", Map.of())
			.stream()
			.filter(t -> populations.includes(t.details().populationRole(), t.details().populationUnitId(), self, today))
			.toList();
		return views(actor, published);
	}

	@Transactional
	public TemplateView create(CurrentUser actor, TemplateDetails details) {
		requireAuthor(actor);
		checkUnit(details);
		EvaluationTemplate draft = EvaluationTemplate.draft(code(details.name()), 1, details, actor.username(),
				clock.instant());
		long id = store.insert(draft);
		audit.record("EVALUATION_TEMPLATE", id, "CREATE", null, draft.auditState(), details.name());
		return get(actor, id);
	}

	@Transactional
	public TemplateView update(CurrentUser actor, long id, long version, TemplateDetails details) {
		requireAuthor(actor);
		EvaluationTemplate template = load(actor, id);
		if (template.version() != version) {
			throw new StaleVersionException(version, get(actor, id));
		}
		checkUnit(details);
		var before = template.auditState();
		template.revise(details);
		StaleVersionException.guard(version, () -> {
			store.update(template);
			return id;
		}, () -> get(actor, id));
		audit.record("EVALUATION_TEMPLATE", id, "UPDATE", before, template.auditState(), details.name());
		return get(actor, id);
	}

	/** A new draft version of a template, a copy of the one given; a template has one draft at a time. */
	@Transactional
	public TemplateView newVersion(CurrentUser actor, long id) {
		requireAuthor(actor);
		EvaluationTemplate from = load(actor, id);
		if (store.hasDraft(from.code())) {
			throw new ConflictException("evaluation.template.draftExists", from.code());
		}
		EvaluationTemplate draft = EvaluationTemplate.draft(from.code(), store.nextNumber(from.code()), from.details(),
				actor.username(), clock.instant());
		long created = store.insert(draft);
		audit.record("EVALUATION_TEMPLATE", created, "NEW_VERSION", null, draft.auditState(),
				from.code() + " v" + draft.number());
		return get(actor, created);
	}

	/**
	 * Publishes a draft to score the periods from {@code validFrom} (after today, and after the version it replaces,
	 * which becomes superseded: cycles already running keep it).
	 */
	@Transactional
	public TemplateView publish(CurrentUser actor, long id, long version, @Nullable LocalDate validFrom) {
		requireAuthor(actor);
		EvaluationTemplate template = load(actor, id);
		if (template.version() != version) {
			throw new StaleVersionException(version, get(actor, id));
		}
		if (validFrom == null) {
			throw ValidationFailedException.of("validFrom", "shared.validation.required");
		}
		EvaluationTemplate previous = store.published(template.code()).orElse(null);
		var before = template.auditState();
		template.publish(validFrom, LocalDate.now(clock), previous == null ? null : previous.validFrom(),
				actor.username(), clock.instant());
		if (previous != null) {
			var was = previous.auditState();
			previous.supersede();
			store.update(previous);
			audit.record("EVALUATION_TEMPLATE", previous.id(), "SUPERSEDE", was, previous.auditState(),
					previous.code() + " v" + previous.number());
		}
		StaleVersionException.guard(version, () -> {
			store.update(template);
			return id;
		}, () -> get(actor, id));
		audit.record("EVALUATION_TEMPLATE", id, "PUBLISH", before, template.auditState(),
				template.code() + " v" + template.number() + " from " + validFrom);
		events.publishEvent(new TemplatePublished(TemplateId.of(id), template.code(), template.number(), validFrom,
				previous == null ? null : TemplateId.of(java.util.Objects.requireNonNull(previous.id())),
				actor.username(), java.util.Objects.requireNonNull(template.publishedAt())));
		return get(actor, id);
	}

	/** The reader acknowledges a published template of their population (once). */
	@Transactional
	public TemplateView acknowledge(CurrentUser actor, long id) {
		EvaluationTemplate template = load(actor, id);
		long self = scopes.staffIdOf(actor).orElseThrow(() -> new AccessRefusedException("evaluation.acknowledge"));
		if (template.state() != TemplateState.PUBLISHED) {
			throw new ConflictException("evaluation.template.notPublished");
		}
		if (!populations.includes(template.details().populationRole(), template.details().populationUnitId(), self,
				LocalDate.now(clock))) {
			throw new ConflictException("evaluation.template.notInPopulation");
		}
		if (!store.acknowledgedBy(self, List.of(id)).isEmpty()) {
			throw new ConflictException("evaluation.template.alreadyAcknowledged");
		}
		store.acknowledge(id, self, clock.instant());
		return get(actor, id);
	}

	/** Who of the population (within the reader's scope) acknowledged a published version, and who has not. */
	@Transactional(readOnly = true)
	public Acknowledgements acknowledgements(CurrentUser actor, long id) {
		EvaluationTemplate template = load(actor, id);
		if (!actor.hasAny(Role.ADMIN, Role.DIRECTOR, Role.MANAGER, Role.PEOPLE, Role.VIEWER)) {
			throw new AccessRefusedException("evaluation.acknowledgements");
		}
		DataScope scope = scopes.of(actor);
		LocalDate today = LocalDate.now(clock);
		Set<Long> done = store.acknowledgers(java.util.Objects.requireNonNull(template.id()));
		var members = populations.members(template.details().populationRole(), template.details().populationUnitId(),
				today, today.plusDays(1)).values().stream().filter(m -> scope.seesStaff(m.staffId(), m.unitId()))
			.toList();
		List<Pending> pending = members.stream().filter(m -> !done.contains(m.staffId()))
			.map(m -> new Pending(m.staffId(), m.name())).toList();
		return new Acknowledgements(id, members.size(), members.size() - pending.size(), pending);
	}

	/**
	 * The worked example: how a person (the reader when {@code staffId} is null; else someone in the reader's scope)
	 * would be scored on the template for the current period of its cadence, from their figures of today.
	 * Qualitative criteria are shown unrated.
	 */
	@Transactional(readOnly = true)
	public Example example(CurrentUser actor, long id, @Nullable Long staffId) {
		EvaluationTemplate template = load(actor, id);
		long person = staffId != null ? staffId : scopes.staffIdOf(actor).orElseGet(() -> anyMember(actor, template));
		OrgDirectory.StaffSummary staff = org.staff(person)
			.filter(s -> scopes.of(actor).seesStaff(s.id(), s.unitId()))
			.orElseThrow(() -> new NotFoundException("staff", person));
		FiscalYears years = calendar.years();
		LocalDate today = LocalDate.now(clock);
		int year = years.yearOf(today);
		FiscalPeriod period = switch (template.details().cadence()) {
			case MONTHLY -> years.month(year, years.monthOf(today));
			case YEARLY -> years.year(year);
			case QUARTERLY, CUSTOM -> years.quarter(year, years.quarterOf(today));
		};
		String code = years.code(period);
		var sheet = figures.read(template.details().criteria(), period, year, List.of(person))
			.getOrDefault(person, ScoreSheet.Figures.NONE);
		var lines = ScoreSheet.lines(template.details(), sheet, Map.of(), m -> ScoreSheet.recordsUrl(m, code, person));
		return new Example(id, person, staff.fullName(), code, period.start(), period.lastDay(),
				template.details().scaleMax(), lines, ScoreSheet.score(lines));
	}

	/** For an author who is not on staff, the example is on the first person of the population they see. */
	private long anyMember(CurrentUser actor, EvaluationTemplate template) {
		DataScope scope = scopes.of(actor);
		LocalDate today = LocalDate.now(clock);
		return populations.members(template.details().populationRole(), template.details().populationUnitId(), today,
				today.plusDays(1)).values().stream().filter(m -> scope.seesStaff(m.staffId(), m.unitId())).findFirst()
			.orElseThrow(() -> new NotFoundException("staff", "population")).staffId();
	}

	private EvaluationTemplate load(CurrentUser actor, long id) {
		return store.find(id).filter(t -> t.state() != TemplateState.DRAFT || mayAuthor(actor))
			.orElseThrow(() -> new NotFoundException("evaluationTemplate", id));
	}

	private List<TemplateView> views(CurrentUser actor, List<EvaluationTemplate> templates) {
		Long self = scopes.staffIdOf(actor).orElse(null);
		Set<Long> acknowledged = self == null ? Set.of()
				: store.acknowledgedBy(self, templates.stream().map(EvaluationTemplate::id).toList());
		Map<Long, String> units = org.unitNames(templates.stream().map(t -> t.details().populationUnitId())
			.filter(java.util.Objects::nonNull).toList());
		return templates.stream().map(t -> {
			TemplateDetails d = t.details();
			long id = java.util.Objects.requireNonNull(t.id());
			return new TemplateView(id, t.code(), t.number(), d.name(), d.description(), d.cadence(),
					d.populationRole(), d.populationUnitId(),
					d.populationUnitId() == null ? null : units.get(d.populationUnitId()), d.scaleMax(), t.state(),
					t.validFrom(), t.publishedBy(), t.publishedAt(), t.version(), d.criteria(),
					self == null ? null : acknowledged.contains(id));
		}).toList();
	}

	private void checkUnit(TemplateDetails details) {
		if (details.populationUnitId() != null && !org.isActiveUnit(details.populationUnitId())) {
			throw ValidationFailedException.of("populationUnitId", "evaluation.template.unit.invalid");
		}
	}

	private static void requireAuthor(CurrentUser actor) {
		if (!mayAuthor(actor)) {
			throw new AccessRefusedException("evaluation.templates");
		}
	}

	/** A code from the name (upper case letters and digits), made unique with a number. */
	private String code(String name) {
		String base = java.text.Normalizer.normalize(name == null ? "" : name, java.text.Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "").toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "-").replaceAll("(^-|-$)", "");
		base = base.isEmpty() ? "TEMPLATE" : base.substring(0, Math.min(30, base.length()));
		String code = base;
		for (int n = 2; store.codeExists(code); n++) {
			code = base + "-" + n;
		}
		return code;
	}
}
