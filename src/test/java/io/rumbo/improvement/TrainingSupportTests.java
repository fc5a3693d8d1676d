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
 * A plan's training action books a seat through the people module (decision 0039): a draft keeps the session and holds
 * no seat, starting the plan enrols the person (source IMPROVEMENT), a full session is refused at the action's session
 * with the plan left a draft, cancelling the plan withdraws the enrolment while not yet attended (on the plan's behalf
 * even when the manager no longer sees the person), and an attended one stays as history.
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
		PlanView draft = plans.open(lead1, details(title, List.of(new SupportDetails(SupportKind.TRAINING, null,
				session.id()))));
		assertThatThrownBy(() -> plans.activate(lead1, ImprovementPlanId.of(draft.id()), draft.version()))
			.isInstanceOfSatisfying(ValidationFailedException.class, ex -> assertThat(ex.errors())
				.extracting(ValidationFailedException.FieldError::field, ValidationFailedException.FieldError::messageKey)
				.containsExactly(org.assertj.core.groups.Tuple.tuple("supports[0].sessionId", "people.enrolment.full")));
		assertThat(queries.get(lead1, ImprovementPlanId.of(draft.id())).status()).isEqualTo(PlanStatus.DRAFT);
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
	void aDraftHoldsNoSeatAndStartingThePlanEnrolsThePerson() {
		SessionView session = session("DR", 1);
		PlanView draft = plans.open(lead1, details("Borrador", List.of(new SupportDetails(SupportKind.TRAINING, null,
				session.id()))));
		assertThat(draft.supports().get(0).sessionId()).isEqualTo(session.id());
		assertThat(draft.supports().get(0).enrolment()).isNull();
		assertThat(seatsTaken(session.id())).as("a draft holds no seat").isZero();
		ImprovementPlanId id = ImprovementPlanId.of(draft.id());
		// Rewritten, the draft still names the session and holds no seat; cancelled, nothing to withdraw.
		draft = plans.revise(lead1, id, draft.version(), details("Borrador", List.of(new SupportDetails(
				SupportKind.TRAINING, "Curso", session.id()))));
		assertThat(draft.supports().get(0).sessionId()).isEqualTo(session.id());
		assertThat(seatsTaken(session.id())).isZero();
		PlanView started = plans.activate(lead1, id, draft.version());
		assertThat(started.supports().get(0).enrolment().status()).isEqualTo("ENROLLED");
		assertThat(seatsTaken(session.id())).isEqualTo(1);
	}

	@Test
	void cancellingThePlanWithdrawsAnEnrolmentNotYetAttended() {
		SessionView session = session("WD", 3);
		PlanView plan = open(lead1, "Retirada", session.id());
		long seat = plan.supports().get(0).enrolment().id();
		ImprovementPlanId id = ImprovementPlanId.of(plan.id());
		assertThat(status(seat)).isEqualTo("ENROLLED");
		assertThatThrownBy(() -> plans.cancel(lead1, id, 0, "x")).isInstanceOf(
				io.rumbo.shared.domain.StaleVersionException.class);
		plan = plans.cancel(lead1, id, plan.version(), "Cambio de puesto");
		assertThat(plan.status()).isEqualTo(PlanStatus.CANCELLED);
		assertThat(plan.supports().get(0).enrolment().status()).isEqualTo("CANCELLED");

		// An attended training stays when the plan is cancelled.
		SessionView other = session("AT", 3);
		PlanView attended = open(lead1, "Asistida", other.id());
		long kept = attended.supports().get(0).enrolment().id();
		training.attend(hr, EnrolmentId.of(kept), trainingQueries.enrolment(hr, EnrolmentId.of(kept)).version());
		attended = plans.cancel(lead1, ImprovementPlanId.of(attended.id()), attended.version(), "Ya no hace falta");
		assertThat(status(kept)).isEqualTo("ATTENDED");
	}

	@Test
	void thePlanWithdrawsItsEnrolmentEvenWhenTheManagerNoLongerSeesThePerson() {
		SessionView session = session("MV", 3);
		PlanView plan = open(lead1, "Traslado", session.id());
		long seat = plan.supports().get(0).enrolment().id();
		// Ana moves to team 2: lead 1 no longer sees her enrolment.
		jdbc.sql("UPDATE people_person SET unit_id = :u WHERE staff_id = :s").param("u", company.team2.id())
			.param("s", ana.id()).update();
		assertThat(trainingQueries.enrolments(lead1, List.of(seat))).isEmpty();
		plans.cancel(lead1, ImprovementPlanId.of(plan.id()), plan.version(), "Cambia de equipo");
		assertThat(status(seat)).as("the seat is freed").isEqualTo("CANCELLED");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM identity_audit_event WHERE entity_type = 'PEOPLE_ENROLMENT' "
				+ "AND entity_id = :id AND action = 'WITHDRAW'").param("id", String.valueOf(seat)).query(Long.class)
			.single()).isEqualTo(1L);
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

	/** A plan naming the session, started. */
	private PlanView open(CurrentUser manager, String title, long session) {
		PlanView draft = plans.open(manager, details(title, List.of(new SupportDetails(SupportKind.TRAINING, null,
				session))));
		return plans.activate(manager, ImprovementPlanId.of(draft.id()), draft.version());
	}

	private long seatsTaken(long session) {
		return jdbc.sql("SELECT COUNT(*) FROM people_enrolment WHERE session_id = :s AND status <> 'CANCELLED'")
			.param("s", session).query(Long.class).single();
	}

	private ImprovementPlans.PlanDetails details(String title, List<SupportDetails> supports) {
		return new ImprovementPlans.PlanDetails(ana.id(), title, null, today, today.plusWeeks(8), 14,
				List.of(new ImprovementPlans.GoalDetails("Curso", null, null, null, null, today.plusWeeks(4))),
				supports);
	}
}
