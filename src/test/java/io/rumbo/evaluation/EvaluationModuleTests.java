package io.rumbo.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.AssertablePublishedEvents;

import io.rumbo.evaluation.ScorecardViews.CycleView;
import io.rumbo.evaluation.ScorecardViews.ScorecardView;
import io.rumbo.evaluation.TemplateViews.Band;
import io.rumbo.evaluation.TemplateViews.Criterion;
import io.rumbo.evaluation.TemplateViews.Level;
import io.rumbo.evaluation.TemplateViews.TemplateDetails;
import io.rumbo.evaluation.TemplateViews.TemplateView;
import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.identity.UserId;
import io.rumbo.identity.UserManagement;
import io.rumbo.organization.JobRole;
import io.rumbo.organization.OrgUnitManagement;
import io.rumbo.organization.OrgUnitView;
import io.rumbo.organization.StaffManagement;
import io.rumbo.organization.StaffView;
import io.rumbo.planning.FiscalCalendar;
import io.rumbo.shared.domain.AccessRefusedException;
import io.rumbo.shared.domain.ConflictException;
import io.rumbo.shared.domain.NotFoundException;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.shared.time.FiscalPeriod;
import io.rumbo.shared.web.ListQuery;

/**
 * Templates, cycles and scorecards on a small company of its own (a team of two salespeople and their leader),
 * with measured figures written as metrics facts and a clock moved to the day each step needs: validation, the
 * refusal to change a published template, the worked example, freezing at the end of the period (a later correction
 * shows as a difference), the manager's review, the close and the acknowledgement rules, with their events.
 */
class EvaluationModuleTests extends EvaluationModuleTestSupport {

	static final CurrentUser ADMIN = new CurrentUser(new UserId(1), "admin", "Admin", Set.of(Role.ADMIN, Role.DIRECTOR));

	static final String PASSWORD = "Un-secreto-muy-largo-2026!";

	/**
	 * The settable clock, imported by {@link EvaluationModuleTestSupport}. Deliberately not a
	 * {@code @TestConfiguration}: a configuration class nested in a test class is part of that class's context key
	 * (decision 0020), and this class would no longer share its context with the module's other tests.
	 */
	static class Today {

		@Bean
		@org.springframework.context.annotation.Primary
		SettableClock settableClock() {
			return new SettableClock();
		}
	}

	@Autowired
	OrgUnitManagement units;

	@Autowired
	StaffManagement staff;

	@Autowired
	UserManagement users;

	@Autowired
	FiscalCalendar calendar;

	@Autowired
	EvaluationTemplates templates;

	@Autowired
	EvaluationCycles cycles;

	@Autowired
	Scorecards scorecards;

	@Autowired
	SettableClock clock;

	@Autowired
	JdbcClient jdbc;

	/** Each test a quarter of its own, going back, so cycles and facts never meet. */
	static int nextYear = 2019;

	FiscalPeriod quarter;
	EvaluationTestCompany company;
	OrgUnitView team;
	StaffView ana;
	StaffView bruno;
	CurrentUser anaUser;
	CurrentUser lead;

	@BeforeEach
	void company() {
		quarter = calendar.years().quarter(nextYear--, 2);
		clock.today(quarter.start().minusDays(20));
		company = new EvaluationTestCompany(ADMIN, units, staff, users, jdbc, "E" + System.nanoTime() % 1_000_000_000);
		team = company.team("T", "Equipo");
		anaUser = company.account("ana", "Ana", Role.REP);
		ana = company.person("A", "Ana", team, JobRole.SALESPERSON, anaUser);
		bruno = company.person("B", "Bruno", team, JobRole.SALESPERSON, null);
		lead = company.account("lead", "Lead", Role.MANAGER);
		company.lead(team, company.person("L", "Lucía", team, JobRole.TEAM_LEADER, lead));
		// Ana books 7,000.00 and makes 9 visits in the quarter's first month; Bruno 12,000.00 and 3 visits.
		fact(ana, "REVENUE", "7000");
		fact(ana, "VISIT", "9");
		fact(bruno, "REVENUE", "12000");
		fact(bruno, "VISIT", "3");
	}

	void fact(StaffView person, String measure, String amount) {
		company.fact(person, team, quarter.start(), measure, amount);
	}

	/** Revenue 60 % against 10,000.00 capped at 150 %; visits 20 % in bands against 10; relationship 20 %, 4 levels. */
	static TemplateDetails reps(String name, BigDecimal revenueWeight) {
		Criterion revenue = new Criterion("Revenue", CriterionKind.QUANTITATIVE, Focus.RESULTS, revenueWeight, "revenue",
				TargetKind.FIXED, new BigDecimal("10000"), ScoringMethod.LINEAR, new BigDecimal("150"), null, null, null);
		Criterion visits = new Criterion("Visits", CriterionKind.QUANTITATIVE, Focus.EFFORT, new BigDecimal("20"),
				"visits", TargetKind.FIXED, BigDecimal.TEN, ScoringMethod.BANDS, null, null,
				List.of(new Band(new BigDecimal("50"), new BigDecimal("50")), new Band(new BigDecimal("90"),
						new BigDecimal("100"))), null);
		Criterion relationship = new Criterion("Relationship", CriterionKind.QUALITATIVE, Focus.RESULTS,
				new BigDecimal("20"), null, null, null, null, null, null, null,
				List.of(new Level(1, "Rarely in touch"), new Level(2, "In touch when asked"),
						new Level(3, "Regular and trusted"), new Level(4, "The customer's first call")));
		return new TemplateDetails(name, null, Cadence.QUARTERLY, JobRole.SALESPERSON, null, 10,
				List.of(revenue, visits, relationship));
	}

	TemplateView published() {
		TemplateView t = templates.create(ADMIN, reps("Reps " + quarter.start(), new BigDecimal("60")));
		return templates.publish(ADMIN, t.id(), t.version(), quarter.start());
	}

	@Test
	void weightsMustAddUpToAHundredAndEveryErrorNamesItsCriterion() {
		TemplateDetails wrong = reps("Wrong", new BigDecimal("50"));
		assertThatThrownBy(() -> templates.create(ADMIN, wrong)).isInstanceOfSatisfying(ValidationFailedException.class,
				ex -> assertThat(ex.errors()).anySatisfy(e -> {
					assertThat(e.field()).isEqualTo("criteria");
					assertThat(e.messageKey()).isEqualTo("evaluation.template.weights.sum");
					assertThat(e.arguments()).containsExactly(new BigDecimal("90"));
				}));
		Criterion oneLevel = new Criterion("Teamwork", CriterionKind.QUALITATIVE, Focus.EFFORT, new BigDecimal("40"),
				null, null, null, null, null, null, null, List.of(new Level(1, "Fine")));
		Criterion noTarget = new Criterion("Margin", CriterionKind.QUANTITATIVE, Focus.RESULTS, new BigDecimal("60"),
				"margin", TargetKind.FIXED, null, ScoringMethod.LINEAR, new BigDecimal("90"), null, null, null);
		assertThatThrownBy(() -> templates.create(ADMIN, new TemplateDetails("T", null, Cadence.MONTHLY, null, null, 10,
				List.of(oneLevel, noTarget))))
			.isInstanceOfSatisfying(ValidationFailedException.class, ex -> assertThat(ex.errors())
				.extracting(ValidationFailedException.FieldError::field, e -> e.arguments()[0])
				.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("criteria[0].levels", "Teamwork"),
						org.assertj.core.groups.Tuple.tuple("criteria[1].targetValue", "Margin"),
						org.assertj.core.groups.Tuple.tuple("criteria[1].capPercent", "Margin")));
		assertThatThrownBy(() -> templates.create(anaUser, reps("Mine", new BigDecimal("60"))))
			.isInstanceOf(AccessRefusedException.class);
	}

	@Test
	void aPublishedTemplateNeverChangesAndANewVersionAppliesFromALaterPeriod(AssertablePublishedEvents events) {
		TemplateView draft = templates.create(ADMIN, reps("Reps", new BigDecimal("60")));
		assertThatThrownBy(() -> templates.publish(ADMIN, draft.id(), draft.version(), today()))
			.isInstanceOf(ValidationFailedException.class);
		assertThat(templates.get(ADMIN, draft.id()).state()).isEqualTo(TemplateState.DRAFT);
		assertThatThrownBy(() -> templates.get(anaUser, draft.id())).as("a draft is its authors'")
			.isInstanceOf(NotFoundException.class);
		TemplateView published = templates.publish(ADMIN, draft.id(), draft.version(), quarter.start());
		assertThat(published.state()).isEqualTo(TemplateState.PUBLISHED);
		assertThat(published.validFrom()).isEqualTo(quarter.start());
		events.assertThat().contains(TemplatePublished.class)
			.matching(e -> e.template().value() == published.id() && e.validFrom().equals(quarter.start()));
		assertThatThrownBy(() -> templates.update(ADMIN, published.id(), published.version(),
				reps("Reps", new BigDecimal("60")))).isInstanceOfSatisfying(ConflictException.class,
						ex -> assertThat(ex.messageKey()).isEqualTo("evaluation.template.published"));

		TemplateView v2 = templates.newVersion(ADMIN, published.id());
		assertThat(v2.number()).isEqualTo(2);
		assertThat(v2.code()).isEqualTo(published.code());
		assertThatThrownBy(() -> templates.newVersion(ADMIN, published.id())).isInstanceOf(ConflictException.class);
		assertThatThrownBy(() -> templates.publish(ADMIN, v2.id(), v2.version(), quarter.start()))
			.as("not after the version it replaces").isInstanceOf(ValidationFailedException.class);
		LocalDate next = quarter.end();
		templates.publish(ADMIN, v2.id(), v2.version(), next);
		assertThat(templates.get(ADMIN, published.id()).state()).isEqualTo(TemplateState.SUPERSEDED);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM identity_audit_event WHERE entity_type = 'EVALUATION_TEMPLATE' "
				+ "AND action = 'PUBLISH' AND entity_id IN (:ids)").param("ids", List.of(String.valueOf(published.id()),
						String.valueOf(v2.id()))).query(Long.class).single()).isEqualTo(2);

		// The running quarter keeps version 1; the next one is scored by version 2.
		assertThatThrownBy(() -> cycles.open(ADMIN, new EvaluationCycles.CycleDetails(v2.id(), "Q", Cadence.QUARTERLY,
				calendar.years().code(quarter), null))).isInstanceOf(ValidationFailedException.class);
		assertThat(cycles.open(ADMIN, new EvaluationCycles.CycleDetails(published.id(), "Q", Cadence.QUARTERLY,
				calendar.years().code(quarter), null)).templateNumber()).isEqualTo(1);
	}

	@Test
	void eachPersonAcknowledgesTheTemplateAfterAWorkedExampleOnTheirOwnFigures() {
		TemplateView template = published();
		clock.today(quarter.start().plusDays(40));
		ScorecardViews.Example example = templates.example(anaUser, template.id(), null);
		assertThat(example.staffId()).isEqualTo(ana.id());
		assertThat(example.period()).isEqualTo(calendar.years().code(quarter));
		// Revenue 7,000 of 10,000 = 70 % x 60 % x 10 = 4.20; visits 9 of 10 = 90 %, band 100 % x 20 % x 10 = 2.00.
		assertThat(example.lines()).extracting(ScorecardViews.Line::points)
			.containsExactly(new BigDecimal("4.20"), new BigDecimal("2.00"), new BigDecimal("0.00"));
		assertThat(example.lines().get(0).recordsUrl()).contains("measure=revenue").contains("person=" + ana.id());
		assertThat(example.score()).isEqualByComparingTo("6.20");
		assertThatThrownBy(() -> templates.example(anaUser, template.id(), bruno.id())).isInstanceOf(NotFoundException.class);

		assertThat(templates.list(anaUser, new EvaluationTemplates.Filter(null, null, true),
				ListQuery.of(0, 20, null, EvaluationTemplates.SORTS, "name")).content())
			.anySatisfy(t -> assertThat(t.id()).isEqualTo(template.id()));
		assertThat(templates.acknowledge(anaUser, template.id()).acknowledged()).isTrue();
		assertThatThrownBy(() -> templates.acknowledge(anaUser, template.id())).isInstanceOf(ConflictException.class);
		TemplateViews.Acknowledgements seen = templates.acknowledgements(lead, template.id());
		assertThat(seen.acknowledged()).isEqualTo(1);
		assertThat(seen.pending()).extracting(TemplateViews.Pending::staffId).contains(bruno.id())
			.doesNotContain(ana.id());
	}

	@Test
	void theCloseFreezesTheFiguresAndTheReviewAndAcknowledgementFollowTheirRules(AssertablePublishedEvents events) {
		TemplateView template = published();
		CycleView cycle = cycles.open(ADMIN, new EvaluationCycles.CycleDetails(template.id(), "Q2",
				Cadence.QUARTERLY, calendar.years().code(quarter), null));
		assertThat(cycle.scorecards()).as("Ana and Bruno, not their leader").isEqualTo(2);
		clock.today(quarter.start().plusDays(30));
		ScorecardView anaLive = card(anaUser);
		assertThat(anaLive.state()).isEqualTo(ScorecardState.LIVE);
		assertThat(anaLive.score()).isEqualByComparingTo("6.20");
		assertThatThrownBy(() -> cycles.review(ADMIN, cycle.id(), cycle.version())).isInstanceOf(ConflictException.class);
		assertThat(card(lead, bruno).staffId()).as("the leader sees the team").isEqualTo(bruno.id());
		assertThat(scorecards.list(anaUser, new Scorecards.Filter(cycle.id(), null, null),
				ListQuery.of(0, 20, null, Scorecards.SORTS, "cycle")).content()).extracting(s -> s.staffId())
			.containsExactly(ana.id());

		clock.today(quarter.end().plusDays(1));
		CycleView review = cycles.review(ADMIN, cycle.id(), cycle.version());
		assertThat(review.state()).isEqualTo(CycleState.IN_REVIEW);
		fact(ana, "REVENUE", "8000");
		ScorecardView frozen = card(anaUser);
		assertThat(frozen.lines().get(0).actual()).isEqualByComparingTo("7000");
		assertThat(frozen.lines().get(0).currentActual()).as("the correction shows").isEqualByComparingTo("8000");
		assertThat(frozen.score()).as("but never changes the score").isEqualByComparingTo("6.20");

		ScorecardView anaByLead = card(lead, ana);
		assertThatThrownBy(() -> scorecards.review(lead, anaByLead.id(), anaByLead.version(),
				new Scorecards.Review(List.of(), null, null, null, Outcome.COACHING)))
			.isInstanceOfSatisfying(ValidationFailedException.class,
					ex -> assertThat(ex.errors().get(0).field()).isEqualTo("ratings"));
		assertThatThrownBy(() -> scorecards.review(anaUser, anaByLead.id(), anaByLead.version(),
				new Scorecards.Review(List.of(new Scorecards.Rating(3, 3)), null, null, null, Outcome.COACHING)))
			.isInstanceOf(AccessRefusedException.class);
		ScorecardView reviewed = scorecards.review(lead, anaByLead.id(), anaByLead.version(),
				new Scorecards.Review(List.of(new Scorecards.Rating(3, 3)), "Constancia", "Más visitas", "Buen trimestre",
						Outcome.COACHING));
		// Relationship at level 3 of 4: 75 % x 20 % x 10 = 1.50, so 4.20 + 2.00 + 1.50.
		assertThat(reviewed.score()).isEqualByComparingTo("7.70");
		assertThat(card(anaUser).feedback()).as("not for Ana before the close").isNull();
		assertThatThrownBy(() -> cycles.calibrate(ADMIN, cycle.id(), cycles.get(ADMIN, cycle.id()).version()))
			.as("Bruno is not reviewed yet").isInstanceOf(ConflictException.class);
		ScorecardView brunoCard = card(lead, bruno);
		scorecards.review(lead, brunoCard.id(), brunoCard.version(),
				new Scorecards.Review(List.of(new Scorecards.Rating(3, 2)), null, "Visitas", null, Outcome.IMPROVEMENT_PLAN));
		CycleView calibrated = cycles.calibrate(ADMIN, cycle.id(), cycles.get(ADMIN, cycle.id()).version());
		assertThatThrownBy(() -> scorecards.acknowledge(anaUser, reviewed.id(), null)).isInstanceOf(ConflictException.class);
		LocalDate deadline = today().plusDays(14);
		CycleView closed = cycles.close(ADMIN, cycle.id(), calibrated.version(), deadline);
		assertThat(closed.state()).isEqualTo(CycleState.CLOSED);
		events.assertThat().contains(EvaluationClosed.class)
			.matching(e -> e.cycle().value() == cycle.id() && e.results().size() == 2
					&& e.results().stream().anyMatch(r -> r.staff().value() == bruno.id()
							&& r.outcome() == Outcome.IMPROVEMENT_PLAN));

		ScorecardView read = card(anaUser);
		assertThat(read.feedback()).isNotNull();
		assertThat(read.feedback().strengths()).isEqualTo("Constancia");
		ScorecardView acknowledged = scorecards.acknowledge(anaUser, read.id(), "Gracias, de acuerdo");
		assertThat(acknowledged.state()).isEqualTo(ScorecardState.ACKNOWLEDGED);
		assertThat(acknowledged.answer()).isEqualTo("Gracias, de acuerdo");
		events.assertThat().contains(ScorecardAcknowledged.class)
			.matching(e -> e.scorecard().value() == read.id() && e.answered());
		assertThatThrownBy(() -> scorecards.acknowledge(anaUser, read.id(), null)).isInstanceOf(ConflictException.class);

		clock.today(deadline.plusDays(1));
		assertThat(scorecards.recordMissedAcknowledgements()).isEqualTo(1);
		assertThat(card(lead, bruno).state()).isEqualTo(ScorecardState.NOT_ACKNOWLEDGED);
		assertThat(card(anaUser).state()).isEqualTo(ScorecardState.ACKNOWLEDGED);
		assertThat(scorecards.recordMissedAcknowledgements()).as("recorded once").isZero();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM identity_audit_event WHERE entity_type = 'EVALUATION_CYCLE' "
				+ "AND action = 'CLOSE' AND entity_id = :id").param("id", String.valueOf(cycle.id())).query(Long.class)
			.single()).isEqualTo(1);
	}

	LocalDate today() {
		return LocalDate.now(clock);
	}

	ScorecardView card(CurrentUser user) {
		long id = scorecards.list(user, new Scorecards.Filter(null, ana.id(), null),
				ListQuery.of(0, 1, null, Scorecards.SORTS, "cycle")).content().get(0).id();
		return scorecards.get(user, id);
	}

	ScorecardView card(CurrentUser user, StaffView person) {
		long id = scorecards.list(user, new Scorecards.Filter(null, person.id(), null),
				ListQuery.of(0, 1, null, Scorecards.SORTS, "cycle")).content().get(0).id();
		return scorecards.get(user, id);
	}
}
