package io.rumbo.evaluation.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.evaluation.Cadence;
import io.rumbo.evaluation.Calibrations;
import io.rumbo.evaluation.CriterionKind;
import io.rumbo.evaluation.EvaluationCycles;
import io.rumbo.evaluation.EvaluationTemplates;
import io.rumbo.evaluation.Focus;
import io.rumbo.evaluation.Nominations;
import io.rumbo.evaluation.Outcome;
import io.rumbo.evaluation.ScorecardViews.CycleView;
import io.rumbo.evaluation.ScorecardViews.ScorecardSummary;
import io.rumbo.evaluation.ScorecardViews.ScorecardView;
import io.rumbo.evaluation.Scorecards;
import io.rumbo.evaluation.ScoringMethod;
import io.rumbo.evaluation.TargetKind;
import io.rumbo.evaluation.TemplateViews.Band;
import io.rumbo.evaluation.TemplateViews.Criterion;
import io.rumbo.evaluation.TemplateViews.Level;
import io.rumbo.evaluation.TemplateViews.TemplateDetails;
import io.rumbo.evaluation.domain.EvaluationTemplate;
import io.rumbo.evaluation.domain.TemplateStore;
import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.UserId;
import io.rumbo.identity.UserManagement;
import io.rumbo.organization.JobRole;
import io.rumbo.organization.StaffManagement;
import io.rumbo.organization.StaffView;
import io.rumbo.planning.FiscalCalendar;
import io.rumbo.shared.DemoMode;
import io.rumbo.shared.time.FiscalPeriod;
import io.rumbo.shared.time.FiscalYears;
import io.rumbo.shared.web.ListQuery;

/**
 * The demo's evaluation: the quarterly template for salespeople (revenue attainment 40 %, margin 20 %, visits 15 %,
 * repeat customers 10 %, CSAT 5 %, relationship and teamwork rated 5 % each), published the day before the quarter
 * before last began (the demo writes that history); that quarter's cycle closed and acknowledged by everyone (the
 * first point of each history); last quarter's cycle reviewed by the director with feedback, calibrated and
 * closed (with one calibration adjustment, of "rep"'s score, and the best scorecard nominated for recognition),
 * acknowledged by most salespeople (not by "rep", who can try it); this quarter's cycle open, its scorecards
 * live; most salespeople have acknowledged the template. Runs after the quotas.
 */
@Component
@Order(130)
class DemoEvaluation implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoEvaluation.class);

	private static final List<Level> RELATIONSHIP = List.of(new Level(1, "Customers hear from them only when they call"),
			new Level(2, "In touch with the main accounts"), new Level(3, "Regular, trusted contact with every account"),
			new Level(4, "The first call of their customers, who recommend them"));

	private static final List<Level> TEAMWORK = List.of(new Level(1, "Works alone, shares little"),
			new Level(2, "Helps when asked"), new Level(3, "Shares leads and cases with the team"),
			new Level(4, "Lifts the team: coaches newcomers, shares successes"));

	private final DemoMode demo;
	private final UserManagement users;
	private final StaffManagement staff;
	private final FiscalCalendar calendar;
	private final TemplateStore store;
	private final EvaluationTemplates templates;
	private final EvaluationCycles cycles;
	private final Scorecards scorecards;
	private final Clock clock;
	private final Calibrations calibrations;
	private final Nominations nominations;

	DemoEvaluation(DemoMode demo, UserManagement users, StaffManagement staff, FiscalCalendar calendar,
			TemplateStore store, EvaluationTemplates templates, EvaluationCycles cycles, Scorecards scorecards,
			Clock clock, Calibrations calibrations, Nominations nominations) {
		this.calibrations = calibrations;
		this.nominations = nominations;
		this.demo = demo;
		this.users = users;
		this.staff = staff;
		this.calendar = calendar;
		this.store = store;
		this.templates = templates;
		this.cycles = cycles;
		this.scorecards = scorecards;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		CurrentUser director = users.actAs("director").orElse(null);
		if (!demo.enabled() || director == null || store.codeExists("REPS-QUARTERLY")) {
			return;
		}
		FiscalYears years = calendar.years();
		LocalDate today = LocalDate.now(clock);
		FiscalPeriod current = years.quarter(years.yearOf(today), years.quarterOf(today));
		FiscalPeriod last = before(years, current);
		FiscalPeriod earlier = before(years, last);
		// Published before the quarter before last began: the entity's rule, applied on the day it happened.
		EvaluationTemplate template = EvaluationTemplate.draft("REPS-QUARTERLY", 1, reps(), "director",
				earlier.start().minusDays(1).atStartOfDay(clock.getZone()).toInstant());
		long id = store.insert(template);
		template = store.find(id).orElseThrow();
		template.publish(earlier.start(), earlier.start().minusDays(1), null, "director",
				earlier.start().minusDays(1).atTime(9, 0).atZone(clock.getZone()).toInstant());
		store.update(template);

		Map<Long, CurrentUser> accounts = accounts();
		int acknowledged = 0;
		for (Map.Entry<Long, CurrentUser> person : accounts.entrySet()) {
			if (!person.getValue().username().equals("rep") && person.getKey() % 5 != 0) {
				templates.acknowledge(person.getValue(), id);
				acknowledged++;
			}
		}
		// The quarter before last, closed and acknowledged by everyone: the history's first point.
		CycleView older = reviewed(director, id, years, earlier);
		List<ScorecardSummary> olderCards = cards(director, older.id());
		cycles.close(director, older.id(), older.version(), today.plusDays(7));
		for (ScorecardSummary summary : olderCards) {
			CurrentUser person = accounts.get(summary.staffId());
			if (person != null) {
				scorecards.acknowledge(person, summary.id(), null);
			}
		}
		CycleView closed = reviewed(director, id, years, last);
		List<ScorecardSummary> cards = cards(director, closed.id());
		calibrate(director, cards, accounts);
		closed = cycles.close(director, closed.id(), closed.version(), today.plusDays(14));
		nominate(director, closed.id());
		int read = 0;
		for (ScorecardSummary summary : cards) {
			CurrentUser person = accounts.get(summary.staffId());
			if (person != null && !person.username().equals("rep") && summary.staffId() % 3 != 0) {
				scorecards.acknowledge(person, summary.id(), summary.staffId() % 2 == 0 ? "Gracias, lo hablamos." : null);
				read++;
			}
		}
		CycleView live = cycles.open(director, new EvaluationCycles.CycleDetails(id, "Q" + years.quarterOf(today) + " "
				+ years.label(years.yearOf(today)), Cadence.QUARTERLY, years.code(current), null));
		log.info("Demo evaluation: template acknowledged by {}, {} closed with {} scorecards ({} acknowledged), {} live",
				acknowledged, closed.name(), cards.size(), read, live.name());
	}

	private static FiscalPeriod before(FiscalYears years, FiscalPeriod quarter) {
		LocalDate day = quarter.start().minusDays(1);
		return years.quarter(years.yearOf(day), years.quarterOf(day));
	}

	/** A cycle of the quarter, frozen, reviewed by the director (ratings, feedback, outcome) and calibrated. */
	private CycleView reviewed(CurrentUser director, long template, FiscalYears years, FiscalPeriod quarter) {
		CycleView cycle = cycles.open(director, new EvaluationCycles.CycleDetails(template, "Q"
				+ years.quarterOf(quarter.start()) + " " + years.label(years.yearOf(quarter.start())), Cadence.QUARTERLY,
				years.code(quarter), null));
		cycle = cycles.review(director, cycle.id(), cycle.version());
		int n = 0;
		for (ScorecardSummary summary : cards(director, cycle.id())) {
			ScorecardView card = scorecards.get(director, summary.id());
			scorecards.review(director, card.id(), card.version(), review(card, n++));
		}
		return cycles.calibrate(director, cycle.id(), cycles.get(director, cycle.id()).version());
	}

	private List<ScorecardSummary> cards(CurrentUser director, long cycle) {
		return scorecards.list(director, new Scorecards.Filter(cycle, null, null),
				ListQuery.of(0, ListQuery.MAX_SIZE, null, Scorecards.SORTS, "cycle")).content();
	}

	/**
	 * The calibration meeting raises the score of "rep" (the one salesperson the demo leaves to acknowledge), for a
	 * renewal closed in the quarter and booked in the next one: the adjustment shows on their scorecard once closed.
	 */
	private void calibrate(CurrentUser director, List<ScorecardSummary> cards, Map<Long, CurrentUser> accounts) {
		cards.stream().filter(c -> accounts.containsKey(c.staffId()) && accounts.get(c.staffId()).username().equals("rep"))
			.findFirst().ifPresent(summary -> {
				ScorecardView card = scorecards.get(director, summary.id());
				BigDecimal raised = card.score().add(new BigDecimal("0.60")).min(BigDecimal.valueOf(card.scaleMax()));
				calibrations.adjust(director, card.id(), card.version(), raised, "Cerró la renovación de Hoteles "
						+ "Levante en el trimestre; el pedido se registró en el siguiente y el cuadro de mando no lo recoge.");
			});
	}

	/** The director nominates the best scorecard proposed for recognition, if any. */
	private void nominate(CurrentUser director, long cycle) {
		calibrations.distribution(director, cycle).ranking().stream().findFirst()
			.map(best -> scorecards.get(director, best.scorecardId()))
			.filter(card -> card.feedback() != null && card.feedback().outcome() == Outcome.RECOGNITION)
			.ifPresent(card -> nominations.nominate(director, card.id(), "Mejor resultado del trimestre, con el margen "
					+ "más alto del equipo."));
	}

	/** A review that follows the score: recognition at the top, an improvement plan at the bottom. */
	private static Scorecards.Review review(ScorecardView card, int n) {
		BigDecimal score = card.score();
		Outcome outcome = score.compareTo(new BigDecimal("9")) >= 0 ? Outcome.RECOGNITION
				: score.compareTo(new BigDecimal("6")) >= 0 ? Outcome.MEETS_EXPECTATIONS
				: score.compareTo(new BigDecimal("4")) >= 0 ? Outcome.COACHING : Outcome.IMPROVEMENT_PLAN;
		int relationship = 2 + n % 3;
		int teamwork = 1 + (n + 1) % 4;
		String improvements = outcome == Outcome.IMPROVEMENT_PLAN || outcome == Outcome.COACHING
				? "Más visitas a las cuentas de potencial A y seguimiento de las ofertas abiertas."
				: "Compartir con el equipo cómo cierra las renovaciones.";
		return new Scorecards.Review(List.of(new Scorecards.Rating(6, relationship), new Scorecards.Rating(7, teamwork)),
				"Conoce bien el producto y a sus clientes.", improvements, "Revisado en la reunión trimestral.", outcome);
	}

	/** Salespeople with a sign-in, by staff id. */
	private Map<Long, CurrentUser> accounts() {
		Map<Long, CurrentUser> accounts = new HashMap<>();
		CurrentUser admin = users.actAs("admin").orElseThrow();
		for (StaffView person : staff.list(admin, new StaffManagement.StaffFilter(null, null, null, null, false, null),
				ListQuery.of(0, ListQuery.MAX_SIZE, null, StaffManagement.SORTS, "employeeNumber")).content()) {
			if (person.userId() != null && person.jobRole() == JobRole.SALESPERSON) {
				users.usernameOf(new UserId(person.userId())).flatMap(users::actAs)
					.ifPresent(user -> accounts.put(person.id(), user));
			}
		}
		return accounts;
	}

	private static TemplateDetails reps() {
		return new TemplateDetails("Salespeople, quarterly", "How every salesperson is scored each quarter.",
				Cadence.QUARTERLY, JobRole.SALESPERSON, null, 10, List.of(
						measured("Revenue attainment", Focus.RESULTS, "40", "revenue", TargetKind.QUOTA, null,
								ScoringMethod.LINEAR, "150", "50", List.of()),
						measured("Margin", Focus.RESULTS, "20", "margin_pct", TargetKind.FIXED, "22",
								ScoringMethod.LINEAR, "120", null, List.of()),
						measured("Visits", Focus.EFFORT, "15", "visits", TargetKind.QUOTA, null, ScoringMethod.BANDS,
								null, null, List.of(new Band(new BigDecimal("60"), new BigDecimal("50")),
										new Band(new BigDecimal("90"), new BigDecimal("100")),
										new Band(new BigDecimal("110"), new BigDecimal("120")))),
						measured("Repeat customers", Focus.RESULTS, "10", "repeat_customers", TargetKind.FIXED, "5",
								ScoringMethod.LINEAR, "150", null, List.of()),
						measured("Customer satisfaction", Focus.RESULTS, "5", "csat", TargetKind.FIXED, "4.5",
								ScoringMethod.LINEAR, "110", null, List.of()),
						new Criterion("Customer relationship", CriterionKind.QUALITATIVE, Focus.EFFORT,
								new BigDecimal("5"), null, null, null, null, null, null, null, RELATIONSHIP),
						new Criterion("Teamwork", CriterionKind.QUALITATIVE, Focus.EFFORT, new BigDecimal("5"), null,
								null, null, null, null, null, null, TEAMWORK)));
	}

	private static Criterion measured(String name, Focus focus, String weight, String measure, TargetKind target,
			String targetValue, ScoringMethod method, String cap, String threshold, List<Band> bands) {
		return new Criterion(name, CriterionKind.QUANTITATIVE, focus, new BigDecimal(weight), measure, target,
				targetValue == null ? null : new BigDecimal(targetValue), method, cap == null ? null : new BigDecimal(cap),
				threshold == null ? null : new BigDecimal(threshold), bands, null);
	}
}
