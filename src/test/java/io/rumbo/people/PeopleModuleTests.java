package io.rumbo.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.identity.UserManagement;
import io.rumbo.organization.JobRole;
import io.rumbo.organization.OrgUnitManagement;
import io.rumbo.organization.OrgUnitView;
import io.rumbo.organization.PositionView;
import io.rumbo.organization.StaffManagement;
import io.rumbo.organization.StaffStatus;
import io.rumbo.organization.StaffView;
import io.rumbo.people.PeopleViews.EnrolmentView;
import io.rumbo.people.PeopleViews.GapRow;
import io.rumbo.people.PeopleViews.ProgrammeView;
import io.rumbo.people.PeopleViews.QualificationView;
import io.rumbo.people.PeopleViews.SessionView;
import io.rumbo.people.PeopleViews.StaffQualificationView;
import io.rumbo.shared.domain.AccessRefusedException;
import io.rumbo.shared.domain.ConflictException;
import io.rumbo.shared.domain.NotFoundException;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.support.CleanDatabase;
import io.rumbo.support.DatabaseAvailability;
import io.rumbo.support.ModuleTestDatabase;
import io.rumbo.support.TwoTeamCompany;

/**
 * The people module with a small company of its own: team 1 with Ana and Pedro (salespeople) led by a manager, team 2
 * led by another. Team 1's salespeople must hold a certification (level 1, valid twelve months) and a language at level
 * 2, and would better hold a third qualification. Ana's certification expired and her language is at level 1; Pedro's
 * certification expires within the warning days and he has no language: the gap report says so, per person, unit and
 * role, within each reader's scope. Training: capacity, duplicates, completion granting the language at level 2, and
 * onboarding of a new hire on organization's {@code StaffHired}.
 */
@Tag("db")
@ExtendWith(DatabaseAvailability.class)
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@Import(CleanDatabase.class)
class PeopleModuleTests {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		ModuleTestDatabase.register(registry, "people");
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
	Qualifications qualifications;

	@Autowired
	StaffQualifications holdings;

	@Autowired
	GapReport gaps;

	@Autowired
	Training training;

	@Autowired
	TrainingProgrammes programmes;

	@Autowired
	TrainingQueries trainingQueries;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Requisitions requisitions;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	Clock clock;

	TwoTeamCompany company;

	OrgUnitView team1;

	OrgUnitView team2;

	StaffView ana;

	StaffView pedro;

	CurrentUser anaUser;

	CurrentUser pedroUser;

	CurrentUser lead1;

	CurrentUser lead2;

	CurrentUser hr;

	QualificationView cert;

	QualificationView language;

	QualificationView nice;

	LocalDate today;

	@BeforeEach
	void company() {
		today = LocalDate.now(clock);
		company = new TwoTeamCompany(units, staff, users, "P");
		team1 = company.team1;
		team2 = company.team2;
		anaUser = company.account("ana", Role.REP);
		ana = company.person("A", team1, JobRole.SALESPERSON, anaUser);
		pedroUser = company.account("pedro", Role.REP);
		pedro = company.person("B", team1, JobRole.SALESPERSON, pedroUser);
		lead1 = company.account("lead1", Role.MANAGER);
		team1 = company.lead(team1, company.person("L1", team1, JobRole.TEAM_LEADER, lead1));
		lead2 = company.account("lead2", Role.MANAGER);
		team2 = company.lead(team2, company.person("L2", team2, JobRole.TEAM_LEADER, lead2));
		hr = company.account("hr", Role.PEOPLE);
		roster.refresh();

		cert = qualifications.create(hr, new Qualifications.QualificationDetails(company.code + "C", "Cert " + company.code,
				QualificationKind.PRODUCT_CERTIFICATION, null, 2, 12, List.of("Certificado", "Experto")));
		language = qualifications.create(hr, new Qualifications.QualificationDetails(company.code + "L",
				"Idioma " + company.code, QualificationKind.LANGUAGE, null, 3, null, List.of("A2", "B1", "B2")));
		nice = qualifications.create(hr, new Qualifications.QualificationDetails(company.code + "N", "Extra " + company.code,
				QualificationKind.SKILL, null, 1, null, null));
		qualifications.require(hr, new Qualifications.RequirementDetails(JobRole.SALESPERSON, team1.id(), cert.id(), 1,
				Importance.REQUIRED));
		qualifications.require(hr, new Qualifications.RequirementDetails(JobRole.SALESPERSON, team1.id(), language.id(), 2,
				Importance.REQUIRED));
		qualifications.require(hr, new Qualifications.RequirementDetails(JobRole.SALESPERSON, team1.id(), nice.id(), 1,
				Importance.DESIRABLE));
		// Ana: certified 400 days ago (expired 35 or so days ago); language at level 1 of 2.
		holdings.record(hr, new StaffQualifications.HoldingDetails(ana.id(), cert.id(), 1, today.minusDays(400), null,
				"https://example.org/cert"));
		holdings.record(hr, new StaffQualifications.HoldingDetails(ana.id(), language.id(), 1, today.minusYears(1), null,
				null));
		// Pedro: certified eleven months ago, so it expires within a month; no language.
		holdings.record(hr, new StaffQualifications.HoldingDetails(pedro.id(), cert.id(), 1, today.minusMonths(11), null,
				null));
	}

	@Test
	void theGapReportNamesWhatIsMissingUnderLevelExpiredOrExpiring() {
		Map<String, GapKind> gapsOfTeam = gapsOf(hr, new GapReport.Filter(null, team1.id(), null, null, null, null, null));
		assertThat(gapsOfTeam).containsOnly(
				Map.entry(ana.id() + ":" + cert.id(), GapKind.EXPIRED),
				Map.entry(ana.id() + ":" + language.id(), GapKind.BELOW_LEVEL),
				Map.entry(pedro.id() + ":" + cert.id(), GapKind.EXPIRING),
				Map.entry(pedro.id() + ":" + language.id(), GapKind.MISSING));
		// Desirable requirements join only when asked.
		assertThat(gapsOf(hr, new GapReport.Filter(null, team1.id(), null, null, nice.id(), null, true)))
			.containsOnly(Map.entry(ana.id() + ":" + nice.id(), GapKind.MISSING),
					Map.entry(pedro.id() + ":" + nice.id(), GapKind.MISSING));
		assertThat(gapsOf(hr, new GapReport.Filter(null, team1.id(), null, null, null, GapKind.MISSING, null)))
			.containsOnlyKeys(pedro.id() + ":" + language.id());
		// The heat map by unit counts two gaps per qualification in team 1.
		PeopleViews.GapHeatmap map = gaps.heatmap(hr, new GapReport.Filter(null, team1.id(), null, null, null, null, null),
				GapReport.By.UNIT);
		assertThat(map.rows()).containsExactly("Equipo 1");
		assertThat(map.cells()).extracting(c -> c.get(2)).containsOnly(2);
		assertThat(map.columns()).containsExactlyInAnyOrder(cert.name(), language.name());
		// Renewing Ana's certification closes that gap; the report follows at once.
		StaffQualificationView held = holdings.list(hr, new StaffQualifications.Filter(null, ana.id(), null, cert.id(),
				null, null), page()).content().get(0);
		holdings.update(hr, held.id(), held.version(), new StaffQualifications.HoldingDetails(null, null, 2,
				today.minusDays(3), null, "Renovada"));
		assertThat(gapsOf(hr, new GapReport.Filter(null, team1.id(), null, ana.id(), null, null, null)))
			.containsOnlyKeys(ana.id() + ":" + language.id());
	}

	@Test
	void aRequiredLevelComesFromRequiredRowsAndADesirableLevelFromDesirableOnes() {
		// Team 1's salespeople need level 2 of a skill, and every salesperson would better hold level 4 of it (a
		// company-wide desirable requirement, so other tests' reports of required gaps never meet it). Ana holds level
		// 3: no required gap, only a desirable one (under level 4). Pedro holds level 1: a required gap under level 2.
		QualificationView skill = qualifications.create(hr, new Qualifications.QualificationDetails(company.code + "S",
				"Skill " + company.code, QualificationKind.SKILL, null, 5, null, null));
		qualifications.require(hr, new Qualifications.RequirementDetails(JobRole.SALESPERSON, team1.id(), skill.id(), 2,
				Importance.REQUIRED));
		qualifications.require(hr, new Qualifications.RequirementDetails(JobRole.SALESPERSON, null, skill.id(), 4,
				Importance.DESIRABLE));
		holdings.record(hr, new StaffQualifications.HoldingDetails(ana.id(), skill.id(), 3, today.minusYears(1), null,
				null));
		holdings.record(hr, new StaffQualifications.HoldingDetails(pedro.id(), skill.id(), 1, today.minusYears(1), null,
				null));

		List<GapRow> required = gaps.list(hr, new GapReport.Filter(null, team1.id(), null, null, skill.id(), null, null),
				ListQuery.of(0, 100, null, GapReport.SORTS, "person")).content();
		assertThat(required).extracting(GapRow::staffId, GapRow::importance, GapRow::minLevel, GapRow::kind)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(pedro.id(), Importance.REQUIRED, 2,
					GapKind.BELOW_LEVEL));
		List<GapRow> withDesirable = gaps.list(hr, new GapReport.Filter(null, team1.id(), null, null, skill.id(), null,
				true), ListQuery.of(0, 100, null, GapReport.SORTS, "person")).content();
		assertThat(withDesirable).extracting(GapRow::staffId, GapRow::importance, GapRow::minLevel, GapRow::kind)
			.containsExactlyInAnyOrder(
					org.assertj.core.groups.Tuple.tuple(ana.id(), Importance.DESIRABLE, 4, GapKind.BELOW_LEVEL),
					org.assertj.core.groups.Tuple.tuple(pedro.id(), Importance.REQUIRED, 2, GapKind.BELOW_LEVEL));
	}

	@Test
	void theHeatMapByJobRoleNamesTheRolesInTheReadersLanguage() {
		GapReport.Filter team = new GapReport.Filter(null, team1.id(), null, null, null, null, null);
		java.util.Locale before = org.springframework.context.i18n.LocaleContextHolder.getLocale();
		try {
			org.springframework.context.i18n.LocaleContextHolder.setLocale(java.util.Locale.ENGLISH);
			PeopleViews.GapHeatmap english = gaps.heatmap(hr, team, GapReport.By.ROLE);
			assertThat(english.rowKeys()).containsExactly("SALESPERSON");
			assertThat(english.rows()).containsExactly("Salesperson");
			org.springframework.context.i18n.LocaleContextHolder.setLocale(java.util.Locale.forLanguageTag("es"));
			assertThat(gaps.heatmap(hr, team, GapReport.By.ROLE).rows()).containsExactly("Vendedor");
		}
		finally {
			org.springframework.context.i18n.LocaleContextHolder.setLocale(before);
		}
	}

	@Test
	void twoRequisitionsRaisedAtOnceNeverExceedTheVacancies() throws Exception {
		// Team 2 plans one salesperson and has none: one vacancy. A first raise holds its transaction open while a
		// second one is asked; the second waits for the first to commit, then finds the vacancy covered.
		PositionView position = units.planPosition(TwoTeamCompany.ADMIN, team2.id(), JobRole.SALESPERSON, 1);
		assertThat(position.vacancies()).isEqualTo(1);
		Requisitions.RequisitionDetails terms = new Requisitions.RequisitionDetails(position.id(),
				RequisitionReason.GROWTH, null, new BigDecimal("30000"), null);
		ExecutorService other = Executors.newSingleThreadExecutor();
		try {
			Future<Object> second = new TransactionTemplate(transactions).execute(status -> {
				requisitions.raise(hr, terms);
				Future<Object> asked = other.submit(() -> {
					try {
						return requisitions.raise(hr, terms);
					}
					catch (RuntimeException refused) {
						return refused;
					}
				});
				try {
					asked.get(700, TimeUnit.MILLISECONDS);
				}
				catch (TimeoutException waitingForTheLock) {
					// As it should: the second raise waits until this transaction commits.
				}
				catch (InterruptedException | ExecutionException e) {
					throw new IllegalStateException(e);
				}
				return asked;
			});
			assertThat(second.get(30, TimeUnit.SECONDS)).isInstanceOf(ValidationFailedException.class);
		}
		finally {
			other.shutdownNow();
		}
		assertThat(jdbc.sql("SELECT COUNT(*) FROM people_requisition WHERE position_id = :p")
			.param("p", position.id()).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void eachReaderSeesTheGapsAndQualificationsOfTheirScopeOnly() {
		GapReport.Filter all = new GapReport.Filter(null, null, null, null, null, null, null);
		assertThat(gapsOf(lead1, all)).containsKeys(ana.id() + ":" + cert.id(), pedro.id() + ":" + language.id());
		assertThat(gapsOf(lead2, all)).isEmpty();
		assertThat(gapsOf(anaUser, all)).containsOnlyKeys(ana.id() + ":" + cert.id(), ana.id() + ":" + language.id());
		assertThat(holdings.ofPerson(anaUser, ana.id())).hasSize(2);
		assertThatThrownBy(() -> holdings.ofPerson(anaUser, pedro.id())).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> holdings.ofPerson(lead2, ana.id())).isInstanceOf(NotFoundException.class);
		assertThat(holdings.ofPerson(lead1, pedro.id())).hasSize(1);
		// Only PEOPLE records qualifications.
		assertThatThrownBy(() -> holdings.record(lead1, new StaffQualifications.HoldingDetails(pedro.id(), nice.id(), 1,
				today, null, null))).isInstanceOf(AccessRefusedException.class);
	}

	@Test
	void anExpiryIsFlaggedWithinTheWarningDaysAndDefaultsToTheValidity() {
		List<StaffQualificationView> anas = holdings.ofPerson(hr, ana.id());
		StaffQualificationView anaCert = anas.stream().filter(h -> h.qualificationId() == cert.id()).findFirst()
			.orElseThrow();
		assertThat(anaCert.expiresOn()).isEqualTo(today.minusDays(400).plusMonths(12));
		assertThat(anaCert.expired()).isTrue();
		assertThat(anaCert.expiring()).isFalse();
		StaffQualificationView pedroCert = holdings.ofPerson(hr, pedro.id()).get(0);
		assertThat(pedroCert.expiresOn()).isEqualTo(today.minusMonths(11).plusMonths(12));
		assertThat(pedroCert.expiring()).isTrue();
		assertThat(pedroCert.expired()).isFalse();
		assertThat(anas.stream().filter(h -> h.qualificationId() == language.id()).findFirst().orElseThrow().expiresOn())
			.isNull();
		assertThat(holdings.list(hr, new StaffQualifications.Filter(null, null, team1.id(), null, null, true), page())
			.content()).extracting(StaffQualificationView::staffId).containsExactlyInAnyOrder(ana.id(), pedro.id());
		// A person holds a qualification once.
		assertThatThrownBy(() -> holdings.record(hr, new StaffQualifications.HoldingDetails(ana.id(), cert.id(), 1,
				today, null, null))).isInstanceOf(ValidationFailedException.class);
	}

	@Test
	void aSessionTakesNoMoreThanItsCapacityAndAPersonOneOpenEnrolmentPerProgramme() {
		ProgrammeView programme = programme("E", language.id(), 2, null);
		SessionView small = session(programme, today.plusDays(3), 1);
		SessionView other = session(programme, today.plusDays(30), 5);
		EnrolmentView anas = training.enrol(lead1, SessionId.of(small.id()), ana.id(), null);
		assertThat(anas.source()).isEqualTo(EnrolmentSource.MANAGER);
		assertThatThrownBy(() -> training.enrol(lead1, SessionId.of(small.id()), pedro.id(), null))
			.isInstanceOf(ConflictException.class).hasMessage("people.enrolment.full");
		assertThatThrownBy(() -> training.enrol(hr, SessionId.of(other.id()), ana.id(), null))
			.isInstanceOf(ConflictException.class).hasMessage("people.enrolment.duplicate");
		// Outside the manager's subtree, and a rep for a colleague: not found.
		assertThatThrownBy(() -> training.enrol(lead2, SessionId.of(other.id()), pedro.id(), null))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> training.enrol(anaUser, SessionId.of(other.id()), pedro.id(), null))
			.isInstanceOf(NotFoundException.class);
		// Ana gives her seat up; Pedro enrols himself in it.
		training.cancel(anaUser, EnrolmentId.of(anas.id()), anas.version());
		EnrolmentView pedros = training.enrol(pedroUser, SessionId.of(small.id()), pedro.id(), "Me interesa");
		assertThat(pedros.source()).isEqualTo(EnrolmentSource.SELF);
		assertThat(trainingQueries.session(SessionId.of(small.id())).taken()).isEqualTo(1);
		// A rep sees their own enrolments only.
		assertThat(trainingQueries.enrolments(anaUser, new TrainingQueries.EnrolmentFilter(null, programme.id(), null,
				null, null, null), enrolmentPage()).content()).extracting(EnrolmentView::staffId).containsOnly(ana.id());
		assertThatThrownBy(() -> trainingQueries.enrolment(anaUser, EnrolmentId.of(pedros.id())))
			.isInstanceOf(NotFoundException.class);
	}

	@Test
	void completingAProgrammeGrantsItsQualificationAndFailingGrantsNothing() {
		ProgrammeView programme = programme("G", language.id(), 2, new BigDecimal("70"));
		SessionView running = session(programme, today.minusDays(1), 10);
		EnrolmentView anas = training.enrol(hr, SessionId.of(running.id()), ana.id(), null);
		EnrolmentView pedros = training.enrol(hr, SessionId.of(running.id()), pedro.id(), null);
		assertThatThrownBy(() -> training.complete(lead1, EnrolmentId.of(anas.id()), anas.version(), BigDecimal.TEN,
				null)).isInstanceOf(AccessRefusedException.class);
		EnrolmentView done = training.complete(hr, EnrolmentId.of(anas.id()), anas.version(), new BigDecimal("85"), null);
		assertThat(done.status()).isEqualTo(EnrolmentStatus.COMPLETED);
		StaffQualificationView granted = holdings.ofPerson(hr, ana.id()).stream()
			.filter(h -> h.qualificationId() == language.id()).findFirst().orElseThrow();
		assertThat(granted.level()).isEqualTo(2);
		assertThat(granted.obtainedOn()).isEqualTo(today);
		assertThat(granted.source()).isEqualTo("TRAINING");
		assertThat(gapsOf(hr, new GapReport.Filter(null, null, null, ana.id(), language.id(), null, null))).isEmpty();

		EnrolmentView failed = training.complete(hr, EnrolmentId.of(pedros.id()), pedros.version(), new BigDecimal("60"),
				null);
		assertThat(failed.status()).isEqualTo(EnrolmentStatus.FAILED);
		assertThat(holdings.ofPerson(hr, pedro.id())).extracting(StaffQualificationView::qualificationId)
			.doesNotContain(language.id());
		assertThatThrownBy(() -> training.complete(hr, EnrolmentId.of(anas.id()), done.version(), BigDecimal.TEN, null))
			.isInstanceOf(ConflictException.class);
	}

	@Test
	void theGapReportEnrolsThePeopleLackingAQualification() {
		ProgrammeView programme = programme("R", language.id(), 2, null);
		SessionView session = session(programme, today.plusDays(5), 5);
		PeopleViews.GapEnrolment result = training.enrolGaps(lead1, language.id(), SessionId.of(session.id()),
				new GapReport.Filter(null, team1.id(), null, null, null, null, null));
		assertThat(result.enrolledStaff()).containsExactlyInAnyOrder(ana.id(), pedro.id());
		assertThat(training.enrolGaps(lead1, language.id(), SessionId.of(session.id()),
				new GapReport.Filter(null, team1.id(), null, null, null, null, null)).alreadyEnrolled()).isEqualTo(2);
		assertThatThrownBy(() -> training.enrolGaps(lead1, cert.id(), SessionId.of(session.id()),
				GapReport.Filter.none())).isInstanceOf(ValidationFailedException.class);
	}

	@Test
	void aNewHireIsEnrolledInTheNextOnboardingSession(Scenario scenario) {
		ProgrammeView onboarding = programmes.createProgramme(hr, new TrainingProgrammes.ProgrammeDetails(company.code + "ONB",
				"Acogida " + company.code, ProgrammeKind.ONBOARDING, null, null, null, null));
		session(onboarding, today.plusDays(2), 50);
		scenario.stimulate(() -> staff.create(TwoTeamCompany.ADMIN, new StaffManagement.StaffDetails(company.code + "N",
				"Nueva", company.code + "N", null, null, today, team1.id(), JobRole.SALESPERSON, StaffStatus.ACTIVE, 1,
				null, null)))
			.andWaitForStateChange(() -> jdbc.sql("""
					SELECT COUNT(*) FROM people_enrolment e JOIN people_person pp ON pp.staff_id = e.staff_id
					JOIN people_programme p ON p.id = e.programme_id
					WHERE pp.full_name = :name AND e.source = 'HIRING' AND p.kind = 'ONBOARDING'""")
				.param("name", "Nueva " + company.code + "N").query(Long.class).single(), n -> n > 0)
			.andVerify(n -> {
				assertThat(n).isEqualTo(1L);
				long hired = jdbc.sql("SELECT staff_id FROM people_person WHERE full_name = :name")
					.param("name", "Nueva " + company.code + "N").query(Long.class).single();
				assertThat(trainingQueries.enrolments(hr, TrainingQueries.EnrolmentFilter.ofPerson(hired),
						enrolmentPage()).content()).singleElement()
					.satisfies(e -> assertThat(e.source()).isEqualTo(EnrolmentSource.HIRING));
			});
	}

	private Map<String, GapKind> gapsOf(CurrentUser reader, GapReport.Filter filter) {
		return gaps.list(reader, filter, ListQuery.of(0, ListQuery.MAX_SIZE, null, GapReport.SORTS, "person"))
			.content()
			.stream()
			.filter(g -> g.staffId() == ana.id() || g.staffId() == pedro.id())
			.filter(g -> g.qualificationId() == cert.id() || g.qualificationId() == language.id()
					|| g.qualificationId() == nice.id())
			.collect(Collectors.toMap(g -> g.staffId() + ":" + g.qualificationId(), GapRow::kind));
	}

	private ProgrammeView programme(String suffix, long qualification, int level, BigDecimal pass) {
		return programmes.createProgramme(hr, new TrainingProgrammes.ProgrammeDetails(company.code + suffix, "Programa " + suffix,
				ProgrammeKind.PRODUCT, null, qualification, level, pass));
	}

	private SessionView session(ProgrammeView programme, LocalDate start, int capacity) {
		return programmes.addSession(hr, ProgrammeId.of(programme.id()), new TrainingProgrammes.SessionDetails("Sesión " + start,
				start, start.plusDays(2), "Formador", null, capacity));
	}

	private static ListQuery page() {
		return ListQuery.of(0, 100, null, StaffQualifications.SORTS, "person");
	}

	private static ListQuery enrolmentPage() {
		return ListQuery.of(0, 100, null, TrainingQueries.ENROLMENT_SORTS, "startsOn");
	}
}
