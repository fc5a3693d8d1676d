package io.rumbo.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.AssertablePublishedEvents;

import io.rumbo.evaluation.CalibrationViews.Distribution;
import io.rumbo.evaluation.CalibrationViews.PersonHistory;
import io.rumbo.evaluation.CalibrationViews.QuadrantPoint;
import io.rumbo.evaluation.ScorecardViews.CycleView;
import io.rumbo.evaluation.ScorecardViews.ScorecardView;
import io.rumbo.evaluation.TemplateViews.TemplateView;
import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
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
 * Calibration on a company of two teams (Ana and Bruno led by Lucía, Carla in the other team), through one cycle:
 * the distribution and results versus effort per reader's scope, the adjustment only while calibrated (with its
 * audit line), the nomination and its {@link PersonNominated} event, and the history once closed.
 */
class CalibrationModuleTests extends EvaluationModuleTestSupport {

	static final CurrentUser ADMIN = EvaluationModuleTests.ADMIN;

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
	Calibrations calibrations;

	@Autowired
	EvaluationHistory history;

	@Autowired
	Nominations nominations;

	@Autowired
	SettableClock clock;

	@Autowired
	JdbcClient jdbc;

	FiscalPeriod quarter;

	@Test
	void aCycleIsCalibratedAdjustedNominatedAndRemembered(AssertablePublishedEvents events) {
		// A year after every other evaluation test's, people hired just before it, a population of this company's:
		// the module's other tests (same database) neither see these people nor add theirs to this cycle.
		quarter = calendar.years().quarter(2031, 3);
		clock.today(quarter.start().minusDays(10));
		LocalDate hired = quarter.start().minusMonths(1);
		String code = "C" + System.nanoTime() % 1_000_000_000;
		EvaluationTestCompany company = new EvaluationTestCompany(ADMIN, units, staff, users, jdbc, code);
		OrgUnitView north = company.team("N", "Norte");
		OrgUnitView south = company.team("S", "Sur");
		CurrentUser anaUser = company.account("ana", "Ana", Role.REP);
		StaffView ana = company.person("A", "Ana", north, JobRole.SALESPERSON, anaUser, hired);
		StaffView bruno = company.person("B", "Bruno", north, JobRole.SALESPERSON, null, hired);
		StaffView carla = company.person("C", "Carla", south, JobRole.SALESPERSON, null, hired);
		CurrentUser lead = company.account("lead", "Lucía", Role.MANAGER);
		company.lead(north, company.person("L", "Lucía", north, JobRole.TEAM_LEADER, lead, hired));
		// Revenue against 10,000 (60 %, results), visits against 10 in bands (20 %, effort), relationship (20 %).
		company.fact(ana, north, quarter.start(), "REVENUE", "7000");
		company.fact(ana, north, quarter.start(), "VISIT", "9");
		company.fact(bruno, north, quarter.start(), "REVENUE", "12000");
		company.fact(bruno, north, quarter.start(), "VISIT", "3");
		company.fact(carla, south, quarter.start(), "REVENUE", "10000");
		company.fact(carla, south, quarter.start(), "VISIT", "10");
		TemplateView template = templates.create(ADMIN, EvaluationModuleTests.reps("Reps " + code,
				new BigDecimal("60")));
		template = templates.publish(ADMIN, template.id(), template.version(), quarter.start());
		CycleView cycle = cycles.open(ADMIN, new EvaluationCycles.CycleDetails(template.id(), "Q3 " + code,
				Cadence.QUARTERLY, calendar.years().code(quarter), company.unit().id()));
		assertThat(cycle.scorecards()).as("Ana, Bruno and Carla, not their leader").isEqualTo(3);
		assertThat(calibrations.distribution(ADMIN, cycle.id()).everyone().count()).as("not frozen yet").isZero();
		clock.today(quarter.end().plusDays(1));
		cycles.review(ADMIN, cycle.id(), cycle.version());
		ScorecardView anaCard = review(ana, 4, Outcome.RECOGNITION);
		review(bruno, 2, Outcome.MEETS_EXPECTATIONS);
		ScorecardView carlaCard = review(carla, 3, Outcome.MEETS_EXPECTATIONS);

		// Ana: 70 % of revenue is 4.20 and relationship 4 of 4 is 2.00, so results are 6.20 of 8 (77.5 %); her 9
		// visits reach the 90 % band (100 %): effort 2.00 of 2 (100 %). Hard work, results below the mark: coach.
		QuadrantPoint anaPoint = calibrations.quadrants(ADMIN, cycle.id()).people().stream()
			.filter(p -> p.staffId() == ana.id()).findFirst().orElseThrow();
		assertThat(anaPoint.results()).isEqualByComparingTo("77.50");
		assertThat(anaPoint.effort()).isEqualByComparingTo("100.00");
		assertThat(anaPoint.action()).isEqualTo(SuggestedAction.COACH);
		assertThat(calibrations.quadrants(lead, cycle.id()).people()).extracting(QuadrantPoint::staffId)
			.containsExactlyInAnyOrder(ana.id(), bruno.id());

		Distribution all = calibrations.distribution(ADMIN, cycle.id());
		assertThat(all.everyone().count()).isEqualTo(3);
		assertThat(all.teams()).extracting(t -> t.unitId(), t -> t.count())
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(north.id(), 2),
					org.assertj.core.groups.Tuple.tuple(south.id(), 1));
		assertThat(all.ranking().get(0).staffId()).as("Carla: 6.00 + 2.00 + 1.50").isEqualTo(carla.id());
		Distribution theirs = calibrations.distribution(lead, cycle.id());
		assertThat(theirs.teams()).singleElement().satisfies(t -> assertThat(t.unitId()).isEqualTo(north.id()));
		assertThatThrownBy(() -> calibrations.distribution(anaUser, cycle.id()))
			.isInstanceOf(AccessRefusedException.class);

		assertThatThrownBy(() -> calibrations.adjust(lead, anaCard.id(), card(ana).version(), new BigDecimal("7"),
				"Late renewal")).as("in review, not yet calibrated").isInstanceOf(ConflictException.class);
		cycles.calibrate(ADMIN, cycle.id(), cycles.get(ADMIN, cycle.id()).version());
		ScorecardView before = card(ana);
		assertThatThrownBy(() -> calibrations.adjust(lead, anaCard.id(), before.version(), new BigDecimal("7"), ""))
			.isInstanceOf(ValidationFailedException.class);
		assertThatThrownBy(() -> calibrations.adjust(anaUser, anaCard.id(), before.version(), new BigDecimal("9"),
				"Me")).isInstanceOf(AccessRefusedException.class);
		assertThatThrownBy(() -> calibrations.adjust(lead, carlaCard.id(), carlaCard.version(), new BigDecimal("9"),
				"Outside")).isInstanceOf(NotFoundException.class);
		ScorecardView adjusted = calibrations.adjust(lead, anaCard.id(), before.version(), new BigDecimal("7.00"),
				"Late renewal of a key account");
		assertThat(adjusted.score()).isEqualByComparingTo("7.00");
		assertThat(adjusted.adjustments()).singleElement().satisfies(a -> {
			assertThat(a.scoreBefore()).isEqualByComparingTo(before.score());
			assertThat(a.adjustedBy()).isEqualTo(lead.username());
			assertThat(a.reason()).isEqualTo("Late renewal of a key account");
		});
		assertThat(jdbc.sql("SELECT COUNT(*) FROM identity_audit_event WHERE entity_type = 'EVALUATION_SCORECARD' "
				+ "AND action = 'ADJUST' AND entity_id = :id").param("id", String.valueOf(anaCard.id()))
			.query(Long.class).single()).isEqualTo(1);
		assertThat(scorecards.get(anaUser, anaCard.id()).adjustments()).as("the person reads it once the cycle is closed")
			.isEmpty();

		assertThatThrownBy(() -> nominations.nominate(lead, card(bruno).id(), "Good"))
			.as("not proposed for recognition").isInstanceOf(ConflictException.class);
		var nomination = nominations.nominate(lead, anaCard.id(), "Best relationship in the team");
		events.assertThat().contains(PersonNominated.class)
			.matching(e -> e.staff().value() == ana.id() && e.scorecard().value() == anaCard.id()
					&& e.score().compareTo(new BigDecimal("7.00")) == 0 && e.nominatedBy().equals(lead.username()));
		assertThatThrownBy(() -> nominations.nominate(ADMIN, anaCard.id(), "Again"))
			.isInstanceOf(ConflictException.class);
		assertThat(nominations.list(anaUser, new Nominations.Filter(null, null), ListQuery.of(0, 10, null,
				Nominations.SORTS, "nominatedAt")).content()).extracting(n -> n.id()).containsExactly(nomination.id());
		assertThat(nominations.list(ADMIN, new Nominations.Filter(cycle.id(), carla.id()), ListQuery.of(0, 10, null,
				Nominations.SORTS, "nominatedAt")).page().totalElements()).isZero();

		cycles.close(ADMIN, cycle.id(), cycles.get(ADMIN, cycle.id()).version(), LocalDate.now(clock).plusDays(10));
		assertThat(scorecards.get(anaUser, anaCard.id()).adjustments()).hasSize(1);
		PersonHistory mine = history.person(anaUser, ana.id());
		assertThat(mine.cycles()).singleElement().satisfies(c -> {
			assertThat(c.score()).isEqualByComparingTo("7.00");
			assertThat(c.change()).isNull();
		});
		assertThat(mine.criteria()).extracting(t -> t.name()).containsExactly("Revenue", "Visits", "Relationship");
		assertThat(mine.criteria().get(0).points()).containsExactly(new BigDecimal("4.20"));
		assertThatThrownBy(() -> history.person(anaUser, bruno.id())).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> history.person(lead, carla.id())).isInstanceOf(NotFoundException.class);
		assertThat(history.team(lead, north.id()).cycles()).singleElement()
			.satisfies(t -> assertThat(t.count()).isEqualTo(2));
		assertThatThrownBy(() -> history.team(lead, south.id())).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> history.team(anaUser, north.id())).isInstanceOf(NotFoundException.class);
		assertThat(history.team(ADMIN, company.unit().id()).cycles().get(0).count()).isEqualTo(3);
	}

	ScorecardView card(StaffView person) {
		long id = scorecards.list(ADMIN, new Scorecards.Filter(null, person.id(), null),
				ListQuery.of(0, 1, null, Scorecards.SORTS, "cycle")).content().get(0).id();
		return scorecards.get(ADMIN, id);
	}

	ScorecardView review(StaffView person, int relationship, Outcome outcome) {
		ScorecardView card = card(person);
		return scorecards.review(ADMIN, card.id(), card.version(), new Scorecards.Review(
				List.of(new Scorecards.Rating(3, relationship)), "Strengths", "Improve", "Text", outcome));
	}
}
