package io.rumbo.improvement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.identity.UserManagement;
import io.rumbo.improvement.ImprovementPlans.SupportDetails;
import io.rumbo.improvement.ImprovementViews.PlanView;
import io.rumbo.improvement.ImprovementViews.SupportEnrolment;
import io.rumbo.organization.JobRole;
import io.rumbo.organization.OrgUnitManagement;
import io.rumbo.organization.OrgUnitView;
import io.rumbo.organization.StaffManagement;
import io.rumbo.organization.StaffView;
import io.rumbo.people.EnrolmentId;
import io.rumbo.people.EnrolmentSource;
import io.rumbo.people.PeopleViews.EnrolmentView;
import io.rumbo.people.PeopleViews.ProgrammeView;
import io.rumbo.people.PeopleViews.SessionView;
import io.rumbo.people.ProgrammeId;
import io.rumbo.people.ProgrammeKind;
import io.rumbo.people.Roster;
import io.rumbo.people.SessionId;
import io.rumbo.people.SupportTraining;
import io.rumbo.people.Training;
import io.rumbo.people.TrainingProgrammes;
import io.rumbo.people.TrainingQueries;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.support.CleanDatabase;
import io.rumbo.support.DatabaseAvailability;
import io.rumbo.support.ModuleTestDatabase;
import io.rumbo.support.TwoTeamCompany;

/**
 * A plan's training action books a seat through the people module (decision 0039): opening the plan enrols the person
 * (source IMPROVEMENT), a full session is refused at the action's picker with nothing written, removing the action or
 * cancelling the plan withdraws the enrolment while not yet attended, and an attended one stays as history.
 */
@Tag("db")
@ExtendWith(DatabaseAvailability.class)
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@Import(CleanDatabase.class)
class TrainingSupportTests {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		ModuleTestDatabase.register(registry, "improvement");
	}

	@Autowired
	OrgUnitManagement units;

	@Autowired
	StaffManagement staff;

	@Autowired
	UserManagement users;

	@Autowired
	Roster roster;

	@Autowired
	ImprovementPlans plans;

	@Autowired
	ImprovementQueries queries;

	@Autowired
	TrainingProgrammes programmes;

	@Autowired
	Training training;

	@Autowired
	TrainingQueries trainingQueries;

	@Autowired
	SupportTraining support;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	TwoTeamCompany company;

	StaffView ana;

	StaffView pedro;

	CurrentUser anaUser;

	CurrentUser lead1;

	CurrentUser lead2;

	CurrentUser hr;

	LocalDate today;

	@BeforeEach
	void company() {
		today = LocalDate.now(clock);
		company = new TwoTeamCompany(units, staff, users, "T");
		OrgUnitView team1 = company.team1;
		OrgUnitView team2 = company.team2;
		anaUser = company.account("ana", Role.REP);
		ana = company.person("A", team1, JobRole.SALESPERSON, anaUser);
		pedro = company.person("B", team1, JobRole.SALESPERSON, company.account("pedro", Role.REP));
		lead1 = company.account("lead1", Role.MANAGER);
		company.lead(team1, company.person("L1", team1, JobRole.TEAM_LEADER, lead1));
		lead2 = company.account("lead2", Role.MANAGER);
		company.lead(team2, company.person("L2", team2, JobRole.TEAM_LEADER, lead2));
		hr = company.account("hr", Role.PEOPLE);
		roster.refresh();
	}

	@Test
	void openingAPlanEnrolsThePersonInTheSessionItsTrainingNames() {
		SessionView session = session("OPEN", 3);
		assertThat(support.sessionsFor(lead1, ana.id(), List.of())).extracting(SupportTraining.SessionChoice::id)
			.contains(session.id());
		assertThat(support.sessionsFor(lead2, ana.id(), List.of())).isEmpty();

		PlanView plan = open(lead1, "Con formación", session.id());
		SupportEnrolment enrolment = plan.supports().get(0).enrolment();
		assertThat(enrolment).isNotNull();
		assertThat(enrolment.status()).isEqualTo("ENROLLED");
		assertThat(plan.supports().get(0).description()).contains(session.title());
		EnrolmentView seat = trainingQueries.enrolment(hr, EnrolmentId.of(enrolment.id()));
		assertThat(seat.staffId()).isEqualTo(ana.id());
		assertThat(seat.source()).isEqualTo(EnrolmentSource.IMPROVEMENT);
		assertThat(seat.note()).isEqualTo("Con formación");
		// The person reads the status on their plan; once enrolled the session is no longer offered to them.
		assertThat(queries.get(anaUser, ImprovementPlanId.of(plan.id())).supports().get(0).enrolment()).isNotNull();
		assertThat(support.sessionsFor(lead1, ana.id(), List.of())).extracting(SupportTraining.SessionChoice::id)
			.doesNotContain(session.id());
	}

	@Test
	void aFullSessionIsRefusedAtTheActionAndNothingIsWritten() {
		SessionView session = session("FULL", 1);
		training.enrol(hr, SessionId.of(session.id()), pedro.id(), null);
		String title = "Plan lleno " + company.code;
		assertThatThrownBy(() -> open(lead1, title, session.id()))
			.isInstanceOfSatisfying(ValidationFailedException.class, ex -> assertThat(ex.errors())
				.extracting(ValidationFailedException.FieldError::field, ValidationFailedException.FieldError::messageKey)
				.containsExactly(org.assertj.core.groups.Tuple.tuple("supports[0].sessionId", "people.enrolment.full")));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM improvement_plan WHERE title = :t").param("t", title)
			.query(Long.class).single()).isZero();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM people_enrolment WHERE session_id = :s AND staff_id = :p")
			.param("s", session.id()).param("p", ana.id()).query(Long.class).single()).isZero();
		// A session names only a training.
		assertThatThrownBy(() -> plans.open(lead1, details("Otro", List.of(new SupportDetails(SupportKind.COACHING,
				"Tutoría", session.id())))))
			.isInstanceOfSatisfying(ValidationFailedException.class, ex -> assertThat(ex.errors())
				.extracting(ValidationFailedException.FieldError::messageKey)
				.containsExactly("improvement.support.sessionOnlyTraining"));
	}

	@Test
	void removingTheActionOrCancellingThePlanWithdrawsAnEnrolmentNotYetAttended() {
		SessionView session = session("WD", 3);
		PlanView plan = open(lead1, "Retirada", session.id());
		long first = plan.supports().get(0).enrolment().id();
		ImprovementPlanId id = ImprovementPlanId.of(plan.id());
		// Rewritten with the same action: the same enrolment is kept.
		plan = plans.revise(lead1, id, plan.version(), details("Retirada", List.of(new SupportDetails(
				SupportKind.TRAINING, "Curso", session.id()))));
		assertThat(plan.supports().get(0).enrolment().id()).isEqualTo(first);
		// Without the action: withdrawn.
		plan = plans.revise(lead1, id, plan.version(), details("Retirada", List.of()));
		assertThat(status(first)).isEqualTo("CANCELLED");
		// Named again, then the plan cancelled: withdrawn again.
		plan = plans.revise(lead1, id, plan.version(), details("Retirada", List.of(new SupportDetails(
				SupportKind.TRAINING, null, session.id()))));
		long second = plan.supports().get(0).enrolment().id();
		assertThat(status(second)).isEqualTo("ENROLLED");
		assertThatThrownBy(() -> plans.cancel(lead1, id, 0, "x")).isInstanceOf(
				io.rumbo.shared.domain.StaleVersionException.class);
		plan = plans.cancel(lead1, id, plan.version(), "Cambio de puesto");
		assertThat(plan.status()).isEqualTo(PlanStatus.CANCELLED);
		assertThat(plan.supports().get(0).enrolment().status()).isEqualTo("CANCELLED");

		// An attended training stays when the plan is cancelled.
		SessionView other = session("AT", 3);
		PlanView attended = open(lead1, "Asistida", other.id());
		long seat = attended.supports().get(0).enrolment().id();
		training.attend(hr, EnrolmentId.of(seat), trainingQueries.enrolment(hr, EnrolmentId.of(seat)).version());
		attended = plans.cancel(lead1, ImprovementPlanId.of(attended.id()), attended.version(), "Ya no hace falta");
		assertThat(status(seat)).isEqualTo("ATTENDED");
		assertThatThrownBy(() -> plans.cancel(lead1, id, 99, "otra vez")).isInstanceOf(RuntimeException.class);
	}

	@Test
	void aCancelledSessionCancelsItsEnrolmentsAndThePlanShowsIt() {
		SessionView session = session("CX", 3);
		PlanView plan = open(lead1, "Sesión cancelada", session.id());
		long seat = plan.supports().get(0).enrolment().id();
		assertThatThrownBy(() -> programmes.cancelSession(lead1, SessionId.of(session.id()), session.version()))
			.isInstanceOf(io.rumbo.shared.domain.AccessRefusedException.class);
		SessionView current = trainingQueries.session(SessionId.of(session.id()));
		assertThatThrownBy(() -> programmes.cancelSession(hr, SessionId.of(session.id()), current.version() + 1))
			.isInstanceOf(io.rumbo.shared.domain.StaleVersionException.class);
		assertThat(programmes.cancelSession(hr, SessionId.of(session.id()), current.version()).cancelled()).isTrue();
		assertThat(status(seat)).isEqualTo("CANCELLED");
		assertThat(queries.get(lead1, ImprovementPlanId.of(plan.id())).supports().get(0).enrolment().status())
			.isEqualTo("CANCELLED");
		assertThatThrownBy(() -> programmes.cancelSession(hr, SessionId.of(session.id()),
				trainingQueries.session(SessionId.of(session.id())).version()))
			.isInstanceOf(io.rumbo.shared.domain.ConflictException.class);
	}

	private String status(long enrolment) {
		return trainingQueries.enrolment(hr, EnrolmentId.of(enrolment)).status().name();
	}

	private SessionView session(String suffix, int capacity) {
		ProgrammeView programme = programmes.createProgramme(hr, new TrainingProgrammes.ProgrammeDetails(
				company.code + suffix, "Programa " + suffix, ProgrammeKind.SALES_METHOD, null, null, null,
				new BigDecimal("50")));
		return programmes.addSession(hr, ProgrammeId.of(programme.id()), new TrainingProgrammes.SessionDetails(
				"Grupo " + suffix, today.plusDays(10), today.plusDays(11), "Formadora", null, capacity));
	}

	private PlanView open(CurrentUser manager, String title, long session) {
		return plans.open(manager, details(title, List.of(new SupportDetails(SupportKind.TRAINING, null, session))));
	}

	private ImprovementPlans.PlanDetails details(String title, List<SupportDetails> supports) {
		return new ImprovementPlans.PlanDetails(ana.id(), title, null, today, today.plusWeeks(8), 14,
				List.of(new ImprovementPlans.GoalDetails("Curso", null, null, null, null, today.plusWeeks(4))),
				supports);
	}
}
