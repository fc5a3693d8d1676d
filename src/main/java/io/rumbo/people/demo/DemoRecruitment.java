package io.rumbo.people.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.UserManagement;
import io.rumbo.organization.JobRole;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.organization.OrgUnitManagement;
import io.rumbo.organization.PositionView;
import io.rumbo.people.CandidateSource;
import io.rumbo.people.CandidateView;
import io.rumbo.people.Candidates;
import io.rumbo.people.Recommendation;
import io.rumbo.people.RequisitionReason;
import io.rumbo.people.RequisitionView;
import io.rumbo.people.Requisitions;
import io.rumbo.shared.DemoMode;

/**
 * Recruitment in the demo, through the module's API (decision 0036): one more salesperson planned in Región Centro's
 * teams until there are three vacancies; of the salesperson vacancies, the first (in
 * Región Centro if there is one) gets a requisition raised two months ago by the region's manager, approved by the
 * director and filled by a hire three weeks ago (a new demo salesperson, so the later loaders and onboarding count
 * them); two more get open requisitions approved by the director, with candidates at every stage (applied, screened,
 * interviewed with scores, an offer, a rejection with its reason). Runs after the people module's own demo (the
 * "rrhh" account, the qualifications and role requirements) and before quotas and sales; once.
 */
@Component
@Order(26)
class DemoRecruitment implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoRecruitment.class);

	private final DemoMode demo;
	private final UserManagement users;
	private final Requisitions requisitions;
	private final Candidates candidates;
	private final io.rumbo.people.CandidateDocuments documents;
	private final io.rumbo.people.CandidateInterviews interviews;
	private final OrgUnitManagement units;
	private final OrgDirectory org;
	private final JdbcClient jdbc;
	private final Clock clock;

	DemoRecruitment(DemoMode demo, UserManagement users, Requisitions requisitions, Candidates candidates,
			io.rumbo.people.CandidateDocuments documents, io.rumbo.people.CandidateInterviews interviews,
			OrgUnitManagement units, OrgDirectory org, JdbcClient jdbc, Clock clock) {
		this.units = units;
		this.org = org;
		this.demo = demo;
		this.users = users;
		this.requisitions = requisitions;
		this.candidates = candidates;
		this.documents = documents;
		this.interviews = interviews;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		// The people module's demo account for PEOPLE ("rrhh", decision 0035).
		CurrentUser people = users.actAs("rrhh").or(() -> users.actAs("people")).orElse(null);
		CurrentUser director = users.actAs("director").orElse(null);
		CurrentUser manager = users.actAs("manager").orElse(null);
		if (!demo.enabled() || people == null || director == null || manager == null
				|| jdbc.sql("SELECT COUNT(*) FROM people_requisition").query(Long.class).single() > 0) {
			return;
		}
		// The department plans to grow: one more salesperson in teams of Región Centro, so that there are three
		// vacancies to recruit for whatever the demo company's plan left open.
		CurrentUser admin = users.actAs("admin").orElse(director);
		List<Long> planned = salespersonVacancies(people).stream().map(PositionView::id).toList();
		for (String team : List.of("E-VLL", "E-MAD-SUR", "E-MAD-NOR")) {
			if (salespersonVacancies(people).size() >= 3) {
				break;
			}
			Long unit = org.unitIdsByCode().get(team);
			if (unit != null) {
				units.positions(admin, unit).stream().filter(p -> p.jobRole() == JobRole.SALESPERSON).findFirst()
					.ifPresent(p -> units.planPosition(admin, unit, JobRole.SALESPERSON, p.planned() + 1));
			}
		}
		List<PositionView> vacancies = salespersonVacancies(people);
		List<Long> managed = requisitions.openVacancies(manager).stream().map(PositionView::id).toList();
		// The vacancy the company's plan left open is filled (the hire joins the demo's people); the new ones stay
		// open, Región Centro's first (its manager raises them, as a manager would).
		vacancies = vacancies.stream().sorted(java.util.Comparator
			.comparing((PositionView p) -> !planned.contains(p.id()))
			.thenComparing(p -> !managed.contains(p.id()))).toList();
		if (vacancies.isEmpty()) {
			log.info("No salesperson vacancy in the demo: no requisitions");
			return;
		}
		LocalDate today = LocalDate.now(clock);
		int made = 0;
		for (int i = 0; i < vacancies.size() && made < 3; i++, made++) {
			PositionView vacancy = vacancies.get(i);
			CurrentUser raiser = managed.contains(vacancy.id()) ? manager : people;
			RequisitionView r = requisitions.raise(raiser, new Requisitions.RequisitionDetails(vacancy.id(),
					made == 1 ? RequisitionReason.REPLACEMENT : RequisitionReason.GROWTH, null,
					new BigDecimal(made == 0 ? "38500.00" : "41000.00"),
					made == 0 ? "Cobertura de la zona norte de la provincia." : "Refuerzo para la campaña del segundo semestre."));
			r = requisitions.submit(raiser, r.id(), r.version());
			r = requisitions.approve(director, r.id(), r.version());
			if (made == 0 && planned.contains(vacancy.id())) {
				filled(people, r, today);
			}
			else {
				open(people, manager, r, made);
			}
		}
		log.info("Loaded {} demo requisitions with their candidates", made);
	}

	private List<PositionView> salespersonVacancies(CurrentUser people) {
		return requisitions.openVacancies(people).stream().filter(p -> p.jobRole() == JobRole.SALESPERSON).toList();
	}

	/** The earlier requisition: raised two months ago, filled three weeks ago by Nuria, referred by a colleague. */
	private void filled(CurrentUser people, RequisitionView r, LocalDate today) {
		CandidateView nuria = candidates.add(people, r.id(), new Candidates.CandidateDetails("Nuria", "Campos Vidal",
				"nuria.campos@example.com", "+34 611 204 318", CandidateSource.REFERRAL, "Recomendada por Lucía García"));
		CandidateView tomas = candidates.add(people, r.id(), new Candidates.CandidateDetails("Tomás", "Herrero Gil",
				"tomas.herrero@example.com", null, CandidateSource.JOB_BOARD, "InfoJobs"));
		nuria = candidates.move(people, nuria.id(), nuria.version(), "INTERVIEWED");
		interview(people, nuria, r, Recommendation.HIRE, 4);
		nuria = candidates.get(people, nuria.id());
		candidates.reject(people, tomas.id(), tomas.version(), "Sin experiencia en venta a empresas.");
		LocalDate hired = today.minusDays(21);
		candidates.hire(people, nuria.id(), nuria.version(), new Candidates.HireDetails(hired, null, null, false, null));
		// The history of a requisition that took five weeks: the dates it would have had.
		jdbc.sql("UPDATE people_requisition SET requested_on = :requested, submitted_on = :requested, decided_on = "
				+ ":approved, closed_on = :hired WHERE id = :id").param("requested", today.minusDays(62))
			.param("approved", today.minusDays(58)).param("hired", hired).param("id", r.id()).update();
		jdbc.sql("UPDATE people_candidate SET applied_on = :applied, stage_on = CASE WHEN stage = 'HIRED' THEN :hired "
				+ "ELSE :rejected END WHERE requisition_id = :id").param("applied", today.minusDays(50))
			.param("hired", hired).param("rejected", today.minusDays(35)).param("id", r.id()).update();
		jdbc.sql("UPDATE people_interview SET held_on = :held WHERE candidate_id = :candidate")
			.param("held", today.minusDays(40)).param("candidate", nuria.id()).update();
	}

	/** An open requisition with candidates at different stages. */
	private void open(CurrentUser people, CurrentUser manager, RequisitionView r, int n) {
		String[][] names = n == 1
				? new String[][] { { "Marcos", "Ibáñez Ruiz" }, { "Paula", "Serrano Mora" }, { "Andrés", "Vidal Soto" },
						{ "Lorena", "Castro Peña" } }
				: new String[][] { { "Iván", "Rubio Lozano" }, { "Sofía", "Méndez Prieto" }, { "Óscar", "León Cano" } };
		CurrentUser interviewer = candidates.scopeOf(manager).sees(r.unitId()) ? manager : people;
		CandidateSource[] sources = { CandidateSource.JOB_BOARD, CandidateSource.REFERRAL, CandidateSource.AGENCY,
				CandidateSource.WEBSITE };
		String[] stages = { "APPLIED", "SCREENED", "INTERVIEWED", "OFFER" };
		for (int i = 0; i < names.length; i++) {
			String first = names[i][0];
			String email = java.text.Normalizer.normalize(first, java.text.Normalizer.Form.NFD)
				.replaceAll("\\p{M}", "").toLowerCase(java.util.Locale.ROOT) + "." + (100 + n * 10 + i) + "@example.com";
			CandidateView c = candidates.add(people, r.id(), new Candidates.CandidateDetails(first, names[i][1], email,
					"+34 6" + (20 + n) + " 100 2" + i + i, sources[i % sources.length], null));
			String stage = stages[(i + n) % stages.length];
			if (!stage.equals("APPLIED")) {
				c = candidates.move(people, c.id(), c.version(), stage);
			}
			if (stage.equals("INTERVIEWED") || stage.equals("OFFER")) {
				interview(interviewer, c, r, stage.equals("OFFER") ? Recommendation.HIRE : Recommendation.HOLD,
						stage.equals("OFFER") ? 4 : 3);
				if (stage.equals("OFFER")) {
					documents.addDocument(people, c.id(), new io.rumbo.people.CandidateDocuments.DocumentDetails(
							io.rumbo.people.DocumentKind.CV, "Currículum " + first, "https://documentos.alba.example/cv/"
									+ c.id()));
				}
			}
		}
		CandidateView late = candidates.add(people, r.id(), new Candidates.CandidateDetails("Raquel", "Ortega "
				+ (n == 1 ? "Fuentes" : "Blanco"), null, null, CandidateSource.SOCIAL, "LinkedIn"));
		candidates.reject(people, late.id(), late.version(), "Busca un puesto de oficina, sin desplazamientos.");
	}

	private void interview(CurrentUser who, CandidateView c, RequisitionView r, Recommendation verdict, int score) {
		Map<Long, Integer> scores = new java.util.LinkedHashMap<>();
		int k = 0;
		for (var requirement : r.requirements()) {
			scores.put(requirement.id(), Math.max(1, Math.min(5, score + (k++ % 2 == 0 ? 0 : -1))));
		}
		interviews.addInterview(who, c.id(), new io.rumbo.people.CandidateInterviews.InterviewDetails(LocalDate.now(clock), null, verdict,
				scores));
	}
}
