package io.rumbo.incentives.demo;

import java.math.BigDecimal;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.evaluation.CalibrationViews.Nomination;
import io.rumbo.evaluation.Nominations;
import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.UserManagement;
import io.rumbo.incentives.AwardBasis;
import io.rumbo.incentives.AwardKindId;
import io.rumbo.incentives.AwardPeriodKind;
import io.rumbo.incentives.AwardProposals;
import io.rumbo.incentives.AwardDecisions;
import io.rumbo.incentives.AwardKinds;
import io.rumbo.incentives.Awards;
import io.rumbo.incentives.Badges;
import io.rumbo.incentives.ProposalStatus;
import io.rumbo.incentives.RecognitionViews.AwardKindView;
import io.rumbo.incentives.RecognitionViews.Decision;
import io.rumbo.incentives.RecognitionViews.ProposalView;
import io.rumbo.incentives.domain.ProposalStore;
import io.rumbo.shared.DemoMode;
import io.rumbo.shared.web.ListQuery;

/**
 * The demo's recognition: three kinds decided by rule each quarter (salesperson of the quarter on revenue, best
 * margin, best new-customer hunter) decided for the last closed quarter, a kind granted by hand that the director
 * grants from the demo evaluation's nomination, and the badges the demo's attainment has earned. Runs after the
 * evaluation (which nominates) and the quotas.
 */
@Component
@Order(160)
class DemoRecognition implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoRecognition.class);

	private final DemoMode demo;
	private final UserManagement users;
	private final AwardKinds kinds;
	private final AwardDecisions decisions;
	private final AwardProposals proposals;
	private final Badges badges;
	private final Nominations nominations;
	private final JdbcClient jdbc;

	DemoRecognition(DemoMode demo, UserManagement users, AwardKinds kinds, AwardDecisions decisions,
			AwardProposals proposals, Badges badges, Nominations nominations, JdbcClient jdbc) {
		this.demo = demo;
		this.users = users;
		this.kinds = kinds;
		this.decisions = decisions;
		this.proposals = proposals;
		this.badges = badges;
		this.nominations = nominations;
		this.jdbc = jdbc;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		CurrentUser director = users.actAs("director").or(() -> users.actAs("admin")).orElse(null);
		if (!demo.enabled() || director == null
				|| jdbc.sql("SELECT COUNT(*) FROM recognition_award_kind").query(Long.class).single() > 0) {
			return;
		}
		kind(director, "salesperson_of_quarter", "Salesperson of the quarter", "Vendedor del trimestre",
				AwardBasis.MEASURE, "revenue", null);
		kind(director, "best_margin", "Best margin", "Mejor margen", AwardBasis.MEASURE, "margin", null);
		kind(director, "new_customer_hunter", "Best new-customer hunter", "Mejor cazador de clientes nuevos",
				AwardBasis.MEASURE, "new_customers", BigDecimal.ONE);
		kind(director, "evaluation_recognition", "Recognised in evaluation", "Reconocido en la evaluación",
				AwardBasis.MANUAL, null, null);
		List<Decision> latest = decisions.decideClosedPeriods();
		// New customers are few in the demo's recent history: if nobody won the hunter's award last quarter, decide it
		// for the quarters before, back to a year, until someone has won it.
		latest.stream().filter(d -> d.kindCode().equals("new_customer_hunter") && d.winners().isEmpty()).findFirst()
			.ifPresent(d -> {
				String period = d.period();
				for (int i = 0; i < 4; i++) {
					period = previousQuarter(period);
					if (!decisions.decide(director, AwardKindId.of(d.kindId()), period).winners().isEmpty()) {
						return;
					}
				}
			});
		int decided = latest.size();
		// The evaluation's nomination reaches recognition as an event after the demo's transaction; take it directly.
		for (Nomination n : nominations.list(director, new Nominations.Filter(null, null),
				ListQuery.of(0, 50, null, Nominations.SORTS, "nominatedAt")).content()) {
			proposals.receive(new ProposalStore.Nominated(n.id(), n.scorecardId(), n.cycleId(), n.staffId(), n.unitId(),
					n.score(), n.reason(), n.nominatedBy(), n.nominatedAt()));
		}
		List<ProposalView> open = proposals.list(director, ProposalStatus.OPEN,
				ListQuery.of(0, 1, null, AwardProposals.SORTS, "nominatedAt")).content();
		String quarter = jdbc.sql("SELECT MAX(period_code) FROM recognition_award WHERE period_code LIKE '%-Q%'")
			.query(String.class).optional().orElse(null);
		if (!open.isEmpty() && quarter != null) {
			ProposalView p = open.get(0);
			proposals.accept(director, p.id(), p.version(), new Awards.GrantDetails(null, "evaluation_recognition",
					quarter, p.reason() + " Enhorabuena de toda la dirección comercial."));
		}
		Badges.CheckReport report = badges.rebuild();
		log.info("Demo recognition: {} kinds decided, {} proposal(s) awarded, {} badges", decided, open.size(),
				report.added());
	}

	/** {@code FY2026-Q1} before {@code FY2026-Q2}, {@code FY2025-Q4} before {@code FY2026-Q1}. */
	static String previousQuarter(String quarter) {
		int year = Integer.parseInt(quarter.substring(2, 6));
		int q = Integer.parseInt(quarter.substring(8));
		return q == 1 ? "FY" + (year - 1) + "-Q4" : "FY" + year + "-Q" + (q - 1);
	}

	private AwardKindView kind(CurrentUser director, String code, String en, String es, AwardBasis basis,
			@org.jspecify.annotations.Nullable String measure, @org.jspecify.annotations.Nullable BigDecimal minimum) {
		return kinds.defineKind(director, new AwardKinds.KindDetails(code, en, es, basis, measure, AwardPeriodKind.QUARTER,
				null, minimum));
	}

}
