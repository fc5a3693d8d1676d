package io.rumbo.people.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.identity.UserManagement;
import io.rumbo.organization.JobRole;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.people.EnrolmentId;
import io.rumbo.people.HoldingWithdrawals;
import io.rumbo.people.PeopleViews;
import io.rumbo.people.Importance;
import io.rumbo.people.PeopleViews.EnrolmentView;
import io.rumbo.people.PeopleViews.ProgrammeView;
import io.rumbo.people.PeopleViews.QualificationView;
import io.rumbo.people.PeopleViews.SessionView;
import io.rumbo.people.ProgrammeId;
import io.rumbo.people.ProgrammeKind;
import io.rumbo.people.QualificationKind;
import io.rumbo.people.Qualifications;
import io.rumbo.people.Roster;
import io.rumbo.people.SessionId;
import io.rumbo.people.StaffQualifications;
import io.rumbo.people.Training;
import io.rumbo.people.TrainingProgrammes;
import io.rumbo.shared.DemoMode;

/**
 * The demo's qualifications and training, right after the demo company: a PEOPLE account ({@code rrhh}, password demo); a catalogue
 * of eight qualifications; the requirements of the salesperson, key account manager and team leader roles (and one
 * unit's own: Equipo Bilbao Retail's salespeople need the Retail certification); every person's qualifications with a
 * few gaps (every fifth salesperson without the Industrial certification) and expiries (data protection renewals
 * spread over the year, so some have expired and some expire within the warning days); an onboarding programme with a
 * session next week and the three most recently hired salespeople enrolled; a product course held last quarter,
 * completed by five people (one failed), which granted them the Industrial certification; a sales method course and a
 * compliance course ahead. Dates follow the demo's clock. Runs once, on an empty catalogue.
 */
@Component
@Order(25)
class DemoPeopleSkills implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoPeopleSkills.class);

	private final DemoMode demo;
	private final UserManagement users;
	private final Roster roster;
	private final Qualifications qualifications;
	private final StaffQualifications holdings;
	private final HoldingWithdrawals withdrawals;
	private final Training training;
	private final TrainingProgrammes programmes;
	private final OrgDirectory org;
	private final JdbcClient jdbc;
	private final Clock clock;

	DemoPeopleSkills(DemoMode demo, UserManagement users, Roster roster, Qualifications qualifications,
			StaffQualifications holdings, HoldingWithdrawals withdrawals, Training training,
			TrainingProgrammes programmes, OrgDirectory org, JdbcClient jdbc, Clock clock) {
		this.withdrawals = withdrawals;
		this.demo = demo;
		this.users = users;
		this.roster = roster;
		this.qualifications = qualifications;
		this.holdings = holdings;
		this.training = training;
		this.programmes = programmes;
		this.org = org;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	private record Person(long staffId, long unitId, JobRole role, LocalDate hired, String name) {
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		CurrentUser admin = users.actAs("admin").orElse(null);
		if (!demo.enabled() || admin == null
				|| jdbc.sql("SELECT COUNT(*) FROM people_qualification").query(Long.class).single() > 0) {
			return;
		}
		if (users.actAs("rrhh").isEmpty()) {
			users.provision(List.of(new UserManagement.NewUser("rrhh", "Recursos Humanos Alba", "rrhh@alba.example",
					"demo", Set.of(Role.PEOPLE))), "demo");
		}
		roster.refresh();
		LocalDate today = LocalDate.now(clock);

		QualificationView neg = qualification(admin, "NEG", "Técnicas de negociación", QualificationKind.SKILL, 3, null,
				List.of("Básico", "Intermedio", "Avanzado"));
		QualificationView ind = qualification(admin, "CERT-IND", "Certificación línea Industrial",
				QualificationKind.PRODUCT_CERTIFICATION, 2, 24, List.of("Certificado", "Experto"));
		QualificationView ret = qualification(admin, "CERT-RET", "Certificación línea Retail",
				QualificationKind.PRODUCT_CERTIFICATION, 1, 24, List.of("Certificado"));
		QualificationView en = qualification(admin, "EN", "Inglés", QualificationKind.LANGUAGE, 6, null,
				List.of("A1", "A2", "B1", "B2", "C1", "C2"));
		QualificationView car = qualification(admin, "CARNET-B", "Permiso de conducir B", QualificationKind.LICENCE, 1,
				null, List.of("Vigente"));
		QualificationView exp = qualification(admin, "EXP-2", "Experiencia comercial de 2 años",
				QualificationKind.EXPERIENCE, 1, null, List.of("Acreditada"));
		QualificationView gdpr = qualification(admin, "RGPD", "Protección de datos (RGPD)", QualificationKind.SKILL, 1,
				12, List.of("Formado"));
		QualificationView onb = qualification(admin, "ACOGIDA", "Acogida Distribuciones Alba", QualificationKind.SKILL, 1,
				null, List.of("Completada"));

		require(admin, JobRole.SALESPERSON, null, car, 1, Importance.REQUIRED);
		require(admin, JobRole.SALESPERSON, null, neg, 1, Importance.REQUIRED);
		require(admin, JobRole.SALESPERSON, null, ind, 1, Importance.REQUIRED);
		require(admin, JobRole.SALESPERSON, null, gdpr, 1, Importance.REQUIRED);
		require(admin, JobRole.SALESPERSON, null, onb, 1, Importance.REQUIRED);
		require(admin, JobRole.SALESPERSON, null, en, 2, Importance.DESIRABLE);
		Long retail = org.unitIdsByCode().get("E-BIO-RET");
		if (retail != null) {
			require(admin, JobRole.SALESPERSON, retail, ret, 1, Importance.REQUIRED);
		}
		require(admin, JobRole.KEY_ACCOUNT_MANAGER, null, neg, 3, Importance.REQUIRED);
		require(admin, JobRole.KEY_ACCOUNT_MANAGER, null, en, 4, Importance.REQUIRED);
		require(admin, JobRole.KEY_ACCOUNT_MANAGER, null, ind, 2, Importance.REQUIRED);
		require(admin, JobRole.KEY_ACCOUNT_MANAGER, null, exp, 1, Importance.REQUIRED);
		require(admin, JobRole.TEAM_LEADER, null, neg, 2, Importance.REQUIRED);
		require(admin, JobRole.TEAM_LEADER, null, gdpr, 1, Importance.REQUIRED);
		require(admin, JobRole.TEAM_LEADER, null, exp, 1, Importance.REQUIRED);
		require(admin, JobRole.AGENT, null, car, 1, Importance.REQUIRED);

		List<Person> people = jdbc.sql("SELECT staff_id, unit_id, job_role, hire_date, full_name FROM people_person "
				+ "WHERE active = TRUE ORDER BY staff_id")
			.query((rs, n) -> new Person(rs.getLong(1), rs.getLong(2), JobRole.valueOf(rs.getString(3)),
					rs.getObject(4, LocalDate.class), rs.getString(5)))
			.list();
		int i = 0;
		int recorded = 0;
		for (Person p : people) {
			i++;
			LocalDate joined = p.hired().isAfter(today) ? today : p.hired();
			if (p.role() == JobRole.SALESPERSON || p.role() == JobRole.KEY_ACCOUNT_MANAGER
					|| p.role() == JobRole.AGENT) {
				recorded += hold(admin, p, car, 1, joined, null, "Permiso verificado en la contratación");
			}
			if (p.role() == JobRole.SALESPERSON || p.role() == JobRole.KEY_ACCOUNT_MANAGER
					|| p.role() == JobRole.TEAM_LEADER) {
				int level = p.role() == JobRole.SALESPERSON ? 1 + i % 3 : p.role() == JobRole.TEAM_LEADER ? 2 + i % 2 : 3;
				recorded += hold(admin, p, neg, level, joined.plusMonths(2), null, "Curso interno de negociación");
				recorded += hold(admin, p, en, p.role() == JobRole.KEY_ACCOUNT_MANAGER ? 4 : 1 + i % 4, joined, null,
						"Prueba de nivel de la academia");
				// Data protection renewals spread over the last year: some expired, some expiring soon.
				LocalDate trained = today.minusDays(20L + (i * 53L) % 400);
				if (trained.isBefore(joined)) {
					trained = joined;
				}
				recorded += hold(admin, p, gdpr, 1, trained, null, "Curso en línea de protección de datos");
				// Industrial certification: every fifth salesperson lacks it (a gap the product course answers).
				if (p.role() != JobRole.SALESPERSON || i % 5 != 0) {
					LocalDate certified = today.minusMonths(3 + (i * 7L) % 18);
					recorded += hold(admin, p, ind, p.role() == JobRole.KEY_ACCOUNT_MANAGER ? 2 : 1,
							certified.isBefore(joined) ? joined : certified, null, "https://formacion.alba.example/cert/"
									+ p.staffId());
				}
				if (p.hired().isBefore(today.minusMonths(6))) {
					recorded += hold(admin, p, onb, 1, joined.plusDays(14).isAfter(today) ? today : joined.plusDays(14),
							null, null);
				}
				if (p.role() != JobRole.SALESPERSON || i % 4 == 0) {
					recorded += hold(admin, p, exp, 1, joined.plusYears(2).isAfter(today) ? today : joined.plusYears(2),
							null, "Currículum verificado");
				}
			}
		}

		// Onboarding: a session next week; the three most recently hired salespeople enrolled as new hires.
		ProgrammeView onboarding = programmes.createProgramme(admin, new TrainingProgrammes.ProgrammeDetails("ACOGIDA",
				"Programa de acogida", ProgrammeKind.ONBOARDING, "Empresa, producto, herramientas y método de venta.",
				onb.id(), 1, null));
		SessionView onboardingSession = programmes.addSession(admin, ProgrammeId.of(onboarding.id()),
				new TrainingProgrammes.SessionDetails("Acogida — próxima promoción", today.plusDays(7), today.plusDays(11),
						"Laura Pérez (Recursos Humanos)", "Madrid, sede central", 12));
		List<Person> recent = people.stream().filter(p -> p.role() == JobRole.SALESPERSON)
			.sorted((a, b) -> b.hired().compareTo(a.hired())).limit(3).toList();
		for (Person p : recent) {
			training.enrolNewHire(p.staffId());
		}

		// A product course held last quarter: five completed it (granting the Industrial certification), one failed.
		LocalDate quarter = today.withDayOfMonth(1).withMonth(((today.getMonthValue() - 1) / 3) * 3 + 1);
		LocalDate held = quarter.minusMonths(3).plusDays(20);
		ProgrammeView product = programmes.createProgramme(admin, new TrainingProgrammes.ProgrammeDetails("PROD-IND",
				"Curso línea Industrial", ProgrammeKind.PRODUCT, "Gama, aplicaciones y argumentario de la línea Industrial.",
				ind.id(), 1, new BigDecimal("70")));
		SessionView course = programmes.addSession(admin, ProgrammeId.of(product.id()), new TrainingProgrammes.SessionDetails(
				"Línea Industrial — edición de trimestre", held, held.plusDays(1), "Andrés Gil (Producto)",
				"Bilbao, centro de formación", 10));
		List<Person> trainees = people.stream().filter(p -> p.role() == JobRole.SALESPERSON).limit(6).toList();
		int n = 0;
		for (Person p : trainees) {
			EnrolmentView e = training.enrol(admin, SessionId.of(course.id()), p.staffId(), null);
			n++;
			BigDecimal score = BigDecimal.valueOf(n == 6 ? 58 : 72 + n * 4);
			training.complete(admin, EnrolmentId.of(e.id()), e.version(), score, held.plusDays(1));
		}

		// Ahead: a sales method course with two people enrolled by their manager's request, and a compliance course.
		ProgrammeView method = programmes.createProgramme(admin, new TrainingProgrammes.ProgrammeDetails("VENTA-CONS",
				"Venta consultiva", ProgrammeKind.SALES_METHOD, "Preguntas, necesidades y propuesta de valor.", neg.id(),
				2, new BigDecimal("60")));
		SessionView methodSession = programmes.addSession(admin, ProgrammeId.of(method.id()),
				new TrainingProgrammes.SessionDetails(
				"Venta consultiva — grupo 1", today.plusDays(21), today.plusDays(22), "Marta Sáez (consultora externa)",
				"Madrid, sede central", 8));
		people.stream().filter(p -> p.role() == JobRole.SALESPERSON).skip(6).limit(2)
			.forEach(p -> training.enrol(admin, SessionId.of(methodSession.id()), p.staffId(), "A petición del jefe de equipo"));
		ProgrammeView compliance = programmes.createProgramme(admin, new TrainingProgrammes.ProgrammeDetails("RGPD-ANUAL",
				"Protección de datos: renovación anual", ProgrammeKind.COMPLIANCE, null, gdpr.id(), 1, new BigDecimal("80")));
		programmes.addSession(admin, ProgrammeId.of(compliance.id()), new TrainingProgrammes.SessionDetails(
				"RGPD — convocatoria en línea", today.plusDays(10), today.plusDays(10), "Delegado de protección de datos",
				"En línea", 40));
		// A withdrawal in the history: the Retail certification recorded for the first person of the list by mistake
		// (it was a colleague's), then withdrawn. Their holdings and gaps end as they were.
		PeopleViews.PersonRow first = holdings.people(admin, null,
				io.rumbo.shared.web.ListQuery.of(0, 1, null, StaffQualifications.PEOPLE_SORTS, "name")).content().get(0);
		PeopleViews.StaffQualificationView mistaken = holdings.record(admin, new StaffQualifications.HoldingDetails(
				first.id(), ret.id(), 1, today.minusMonths(2), null, "Certificado adjuntado al expediente equivocado"));
		withdrawals.withdraw(admin, mistaken.id(), mistaken.version(),
				"Registrada por error: la certificación es de otra persona del equipo");
		log.info("Loaded the demo's qualifications and training: {} qualifications held, onboarding session {} with "
				+ "{} new hires", recorded, onboardingSession.id(), recent.size());
	}

	private QualificationView qualification(CurrentUser admin, String code, String name, QualificationKind kind,
			int levels, Integer validity, List<String> names) {
		return qualifications.create(admin, new Qualifications.QualificationDetails(code, name, kind, null, levels,
				validity, names));
	}

	private void require(CurrentUser admin, JobRole role, Long unit, QualificationView q, int level,
			Importance importance) {
		qualifications.require(admin, new Qualifications.RequirementDetails(role, unit, q.id(), level, importance));
	}

	private final Map<String, Boolean> done = new HashMap<>();

	private int hold(CurrentUser admin, Person p, QualificationView q, int level, LocalDate obtained,
			LocalDate expires, String evidence) {
		LocalDate today = LocalDate.now(clock);
		if (done.putIfAbsent(p.staffId() + ":" + q.id(), true) != null) {
			return 0;
		}
		holdings.record(admin, new StaffQualifications.HoldingDetails(p.staffId(), q.id(), Math.min(level,
				q.maxLevel()), obtained.isAfter(today) ? today : obtained, expires, evidence));
		return 1;
	}
}
