package io.rumbo.incentives;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

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
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import io.rumbo.evaluation.CycleId;
import io.rumbo.evaluation.PersonNominated;
import io.rumbo.evaluation.ScorecardId;
import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.identity.UserManagement;
import io.rumbo.incentives.RecognitionViews.AwardKindView;
import io.rumbo.incentives.RecognitionViews.AwardView;
import io.rumbo.incentives.RecognitionViews.Decision;
import io.rumbo.incentives.RecognitionViews.ProposalView;
import io.rumbo.metrics.Metric;
import io.rumbo.metrics.MetricsQuery;
import io.rumbo.organization.JobRole;
import io.rumbo.organization.OrgUnitManagement;
import io.rumbo.organization.OrgUnitView;
import io.rumbo.organization.StaffId;
import io.rumbo.organization.StaffManagement;
import io.rumbo.organization.StaffView;
import io.rumbo.organization.UnitId;
import io.rumbo.quotas.Attainment;
import io.rumbo.quotas.AttainmentViews.Row;
import io.rumbo.quotas.AttainmentViews.TrendPoint;
import io.rumbo.quotas.Pace;
import io.rumbo.shared.domain.AccessRefusedException;
import io.rumbo.shared.domain.ConflictException;
import io.rumbo.shared.time.FiscalPeriod;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.support.CleanDatabase;
import io.rumbo.support.DatabaseAvailability;
import io.rumbo.support.ModuleTestDatabase;
import io.rumbo.support.TwoTeamCompany;

/**
 * Recognition with what it depends on and a small company of its own: two teams, each led by a manager, two
 * salespeople in the first and one in the second. The measured figures and the attainment are given (mocked
 * {@link MetricsQuery} and {@link Attainment}, which have their own tests), so that what is tested here is
 * recognition's own: the decision read in one go and recorded once, badges kept once and rebuilt the same, a
 * nomination turned into an award, and the scope of who sees what.
 */
@Tag("db")
@ExtendWith(DatabaseAvailability.class)
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@Import(CleanDatabase.class)
class RecognitionModuleTests {

	static final CurrentUser ADMIN = TwoTeamCompany.ADMIN;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		ModuleTestDatabase.register(registry, "incentives");
		registry.add("rumbo.recognition.badge-measures", () -> "revenue");
	}

	@MockitoBean
	MetricsQuery metrics;

	@MockitoBean
	Attainment attainment;

	@Autowired
	OrgUnitManagement units;

	@Autowired
	StaffManagement staff;

	@Autowired
	UserManagement users;

	@Autowired
	Awards awards;

	@Autowired
	AwardKinds kinds;

	@Autowired
	AwardDecisions decisions;

	@Autowired
	Badges badges;

	@Autowired
	AwardProposals proposals;

	@Autowired
	RecognitionFeed feed;

	@Autowired
	RecognitionPeriods periods;

	@Autowired
	JdbcClient jdbc;

	String code;

	OrgUnitView team1;

	OrgUnitView team2;

	StaffView ana;

	StaffView bea;

	StaffView carl;

	CurrentUser anaUser;

	CurrentUser lead1;

	CurrentUser lead2;

	@BeforeEach
	void company() {
		TwoTeamCompany company = new TwoTeamCompany(units, staff, users, "R");
		code = company.code;
		team1 = company.team1;
		team2 = company.team2;
		anaUser = company.account("ana", Role.REP);
		ana = company.person("A", team1, JobRole.SALESPERSON, anaUser);
		bea = company.person("B", team1, JobRole.SALESPERSON, company.account("bea", Role.REP));
		carl = company.person("C", team2, JobRole.SALESPERSON, company.account("carl", Role.REP));
		lead1 = company.account("lead1", Role.MANAGER);
		team1 = company.lead(team1, company.person("L1", team1, JobRole.TEAM_LEADER, lead1));
		lead2 = company.account("lead2", Role.MANAGER);
		team2 = company.lead(team2, company.person("L2", team2, JobRole.TEAM_LEADER, lead2));
	}

	@Test
	void decidingAClosedQuarterTwiceGivesTheSameWinnersTiesSharing() {
		AwardKindView kind = kinds.defineKind(ADMIN, new AwardKinds.KindDetails(code.toLowerCase() + "-q", "Best",
				"Mejor", AwardBasis.MEASURE, "revenue", AwardPeriodKind.QUARTER, null, new BigDecimal("100")));
		given(metrics.byPerson(eq(Metric.REVENUE), any(), anyCollection())).willReturn(Map.of(
				StaffId.of(ana.id()), new BigDecimal("500.00"), StaffId.of(bea.id()), new BigDecimal("500"),
				StaffId.of(carl.id()), new BigDecimal("300")));
		String quarter = periods.years().code(periods.lastClosed(AwardPeriodKind.QUARTER));

		Decision first = decisions.decide(ADMIN, AwardKindId.of(kind.id()), quarter);
		Decision again = decisions.decide(ADMIN, AwardKindId.of(kind.id()), quarter);

		assertThat(first.added()).isEqualTo(2);
		assertThat(first.winners()).extracting(AwardView::staffId).containsExactlyInAnyOrder(ana.id(), bea.id());
		assertThat(again.added()).isZero();
		assertThat(again.winners()).isEqualTo(first.winners());
		assertThat(jdbc.sql("SELECT COUNT(*) FROM recognition_award WHERE kind_id = :k").param("k", kind.id())
			.query(Long.class).single()).isEqualTo(2);
		// The citation names the measure as inside a sentence and the figure as money, with the company's currency.
		org.springframework.context.i18n.LocaleContextHolder.setLocale(java.util.Locale.ENGLISH);
		assertThat(awards.get(ADMIN, AwardId.of(first.winners().get(0).id())).citation())
			.contains("the best net revenue of the period").contains("€500.00");
		org.springframework.context.i18n.LocaleContextHolder.setLocale(java.util.Locale.forLanguageTag("es"));
		assertThat(awards.get(ADMIN, AwardId.of(first.winners().get(0).id())).citation())
			.contains("el mejor resultado de facturación neta del periodo").contains("500,00\u00a0€");
		org.springframework.context.i18n.LocaleContextHolder.resetLocaleContext();
		// The people were read whole, once per decision, not one by one.
		org.mockito.Mockito.verify(metrics, org.mockito.Mockito.times(2)).byPerson(eq(Metric.REVENUE), any(),
				anyCollection());
		// An open period cannot be decided; a salesperson cannot decide.
		String current = periods.years().code(RecognitionPeriods.current(periods.years(), AwardPeriodKind.QUARTER,
				periods.today()));
		assertThatThrownBy(() -> decisions.decide(ADMIN, AwardKindId.of(kind.id()), current))
			.isInstanceOf(ConflictException.class);
		assertThatThrownBy(() -> decisions.decide(anaUser, AwardKindId.of(kind.id()), quarter))
			.isInstanceOf(AccessRefusedException.class);
	}

	@Test
	void aSalespersonSeesTheirTeamsRecognitionOnlyAndCannotGrant() {
		AwardKindView kind = manualKind();
		String quarter = periods.years().code(periods.lastClosed(AwardPeriodKind.QUARTER));
		AwardView toBea = awards.grant(lead1, new Awards.GrantDetails(bea.id(), kind.code(), quarter, "Gran equipo"));
		awards.grant(lead2, new Awards.GrantDetails(carl.id(), kind.code(), quarter, "Buen trimestre"));

		assertThat(feed.list(anaUser, RecognitionFeed.Filter.none(), page()).content())
			.extracting(RecognitionViews.FeedItem::staffId).containsExactly(bea.id());
		assertThat(feed.list(lead2, RecognitionFeed.Filter.none(), page()).content())
			.extracting(RecognitionViews.FeedItem::staffId).containsExactly(carl.id());
		assertThatThrownBy(() -> awards.grant(anaUser, new Awards.GrantDetails(bea.id(), kind.code(), quarter, "x")))
			.isInstanceOf(AccessRefusedException.class);
		// A manager of another team cannot grant to bea, and nobody holds the same award twice.
		assertThatThrownBy(() -> awards.grant(lead2, new Awards.GrantDetails(bea.id(), kind.code(), quarter, "x")))
			.isInstanceOf(io.rumbo.shared.domain.NotFoundException.class);
		assertThatThrownBy(() -> awards.grant(lead1, new Awards.GrantDetails(bea.id(), kind.code(), quarter, "x")))
			.isInstanceOf(ConflictException.class);

		AwardView revoked = awards.revoke(lead1, AwardId.of(toBea.id()), toBea.version(), "Error de periodo");
		assertThat(revoked.revoked()).isTrue();
		assertThat(feed.list(anaUser, RecognitionFeed.Filter.none(), page()).content()).isEmpty();
		assertThat(awards.list(lead1, new Awards.Filter(null, null, null, null, true), awardPage()).content())
			.extracting(AwardView::revokeReason).containsExactly("Error de periodo");
	}

	@Test
	void badgesAreRecordedOnceAndTheRebuildGivesWhatTheChecksGave() {
		String month = periods.years().code(RecognitionPeriods.current(periods.years(), AwardPeriodKind.MONTH,
				periods.today()));
		FiscalPeriod current = periods.years().parse(month);
		List<Row> rows = List.of(row(ana, team1, "100.00", current), row(bea, team1, "49.99", current),
				row(carl, team2, "120", current));
		given(attainment.people(any(), anyString(), anyList(), any()))
			.willAnswer(call -> month.equals(call.getArgument(1)) ? rows : List.of());

		Badges.CheckReport first = badges.check();
		List<String> afterCheck = badgeRows();
		Badges.CheckReport second = badges.check();
		Badges.CheckReport rebuilt = badges.rebuild();

		assertThat(first.added()).isEqualTo(3 + 4);
		assertThat(second.added()).isZero();
		assertThat(rebuilt.added()).isZero();
		assertThat(rebuilt.removed()).isZero();
		assertThat(badgeRows()).isEqualTo(afterCheck);
		assertThat(afterCheck).contains(ana.id() + " revenue " + month + " 100 " + periods.today())
			.noneMatch(r -> r.startsWith(ana.id() + " revenue " + month + " 120"))
			.noneMatch(r -> r.startsWith(bea.id() + " "));
		// From nothing, the rebuild finds the same badges.
		jdbc.sql("DELETE FROM recognition_badge").update();
		badges.rebuild();
		assertThat(badgeRows()).isEqualTo(afterCheck);
	}

	@Test
	void milestonesCrossedAtOnceMakeOneLineOfTheFeedAndEveryBadgeIsKept() {
		String month = periods.years().code(RecognitionPeriods.current(periods.years(), AwardPeriodKind.MONTH,
				periods.today()));
		FiscalPeriod current = periods.years().parse(month);
		List<Row> rows = List.of(row(carl, team2, "125", current), row(ana, team1, "95", current));
		given(attainment.people(any(), anyString(), anyList(), any()))
			.willAnswer(call -> month.equals(call.getArgument(1)) ? rows : List.of());

		badges.check();

		assertThat(badges.list(ADMIN, new Badges.Filter(carl.id(), null, month, null),
				ListQuery.of(0, 50, null, Badges.SORTS, "earnedOn,desc")).content())
			.extracting(RecognitionViews.BadgeView::threshold).containsExactlyInAnyOrder(50, 90, 100, 120);
		assertThat(feed.list(ADMIN, new RecognitionFeed.Filter("badge", null, month, null, carl.id()), page())
			.content()).extracting(RecognitionViews.FeedItem::threshold).containsExactly(120);
		assertThat(feed.list(ADMIN, new RecognitionFeed.Filter("badge", null, month, null, ana.id()), page())
			.content()).extracting(RecognitionViews.FeedItem::threshold).containsExactly(90);
		// The badge test's rebuild reads everyone's badges against its own figures: leave none of these behind.
		jdbc.sql("DELETE FROM recognition_badge WHERE staff_id IN (:people)").param("people", List.of(ana.id(),
				carl.id())).update();
	}

	@Test
	void aNominationBecomesAProposalThatTheManagerTurnsIntoAnAward(Scenario scenario) {
		AwardKindView kind = manualKind();
		long nomination = System.nanoTime() % 1_000_000_000;
		String quarter = periods.years().code(periods.lastClosed(AwardPeriodKind.QUARTER));
		scenario.publish(new PersonNominated(nomination, ScorecardId.of(nomination), CycleId.of(1),
				StaffId.of(ana.id()), UnitId.of(team1.id()), new BigDecimal("9.50"), "La mejor del trimestre", "director",
				Instant.now()))
			.andWaitForStateChange(() -> jdbc.sql("SELECT COUNT(*) FROM recognition_proposal WHERE nomination_id = :n")
				.param("n", nomination).query(Long.class).single(), count -> count == 1)
			.andVerify(count -> {
				ProposalView proposal = proposals.list(lead1, ProposalStatus.OPEN, proposalPage()).content().stream()
					.filter(p -> p.nominationId() == nomination).findFirst().orElseThrow();
				assertThat(proposals.list(lead2, ProposalStatus.OPEN, proposalPage()).content())
					.noneMatch(p -> p.nominationId() == nomination);
				assertThat(proposals.list(anaUser, null, proposalPage()).content()).isEmpty();

				AwardView award = proposals.accept(lead1, proposal.id(), proposal.version(),
						new Awards.GrantDetails(null, kind.code(), quarter, "Por su trimestre"));

				assertThat(award.source()).isEqualTo(AwardSource.NOMINATION);
				assertThat(award.staffId()).isEqualTo(ana.id());
				assertThat(award.proposalId()).isEqualTo(proposal.id());
				assertThat(proposals.get(lead1, proposal.id()).status()).isEqualTo(ProposalStatus.AWARDED);
				assertThatThrownBy(() -> proposals.dismiss(lead1, proposal.id(), proposal.version() + 1, "tarde"))
					.isInstanceOf(ConflictException.class);
				// The same nomination delivered again changes nothing.
				assertThat(proposals.receive(new io.rumbo.incentives.domain.ProposalStore.Nominated(nomination,
						nomination, 1, ana.id(), team1.id(), null, "otra vez", "director", Instant.now()))).isFalse();
			});
	}

	private AwardKindView manualKind() {
		return kinds.defineKind(ADMIN, new AwardKinds.KindDetails(code.toLowerCase() + "-m", "By hand", "A mano",
				AwardBasis.MANUAL, null, AwardPeriodKind.QUARTER, null, null));
	}

	private List<String> badgeRows() {
		return jdbc.sql("""
				SELECT staff_id, metric, period_code, threshold, earned_on FROM recognition_badge
				ORDER BY staff_id, metric, period_code, threshold""")
			.query((rs, i) -> rs.getLong(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getInt(4) + " "
					+ rs.getObject(5, LocalDate.class))
			.list();
	}

	private static Row row(StaffView person, OrgUnitView unit, String attainment, FiscalPeriod month) {
		BigDecimal value = new BigDecimal(attainment);
		Pace pace = new Pace(value, new BigDecimal("100"), value, BigDecimal.ZERO, null, null, null, BigDecimal.ZERO,
				null, 20, 10, null);
		return new Row("person", person.id(), person.lastName(), unit.id(), unit.name(), "revenue", 0, pace,
				List.of(new TrendPoint(month.start(), value)));
	}

	private static ListQuery page() {
		return ListQuery.of(0, 50, null, RecognitionFeed.SORTS, "on,desc");
	}

	private static ListQuery awardPage() {
		return ListQuery.of(0, 50, null, Awards.SORTS, "grantedAt,desc");
	}

	private static ListQuery proposalPage() {
		return ListQuery.of(0, 50, null, AwardProposals.SORTS, "nominatedAt,desc");
	}

}
