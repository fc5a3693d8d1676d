package io.rumbo.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

import io.rumbo.evaluation.CycleId;
import io.rumbo.evaluation.EvaluationClosed;
import io.rumbo.evaluation.ScorecardId;
import io.rumbo.evaluation.TemplateId;
import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.identity.UserManagement;
import io.rumbo.identity.UserView;
import io.rumbo.incentives.AwardGranted;
import io.rumbo.incentives.BadgeEarned;
import io.rumbo.incentives.Milestone;
import io.rumbo.incentives.AwardId;
import io.rumbo.incentives.AwardSource;
import io.rumbo.incentives.DisputeAnswered;
import io.rumbo.incentives.DisputeId;
import io.rumbo.incentives.DisputeRaised;
import io.rumbo.incentives.DisputeState;
import io.rumbo.incentives.PayoutRunId;
import io.rumbo.notifications.NotificationViews.NotificationView;
import io.rumbo.notifications.NotificationViews.Preference;
import io.rumbo.notifications.domain.Deliveries;
import io.rumbo.notifications.domain.Delivery;
import io.rumbo.notifications.domain.NotificationJobs;
import io.rumbo.organization.JobRole;
import io.rumbo.organization.OrgUnitManagement;
import io.rumbo.organization.StaffId;
import io.rumbo.organization.StaffManagement;
import io.rumbo.organization.StaffView;
import io.rumbo.organization.UnitId;
import io.rumbo.planning.PlanVersionApproved;
import io.rumbo.planning.PlanVersionId;
import io.rumbo.planning.PlanVersionSubmitted;
import io.rumbo.quotas.QuotaPublished;
import io.rumbo.sales.ForecastCalls;
import io.rumbo.sales.TaskManagement;
import io.rumbo.shared.domain.NotFoundException;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.support.CleanDatabase;
import io.rumbo.support.DatabaseAvailability;
import io.rumbo.support.ModuleTestDatabase;
import io.rumbo.support.TwoTeamCompany;

/**
 * The notifications module with everything it listens to, a small company of its own and a real SMTP server in the
 * test JVM (GreenMail): each event reaches its people once per channel they chose, in their own language, however
 * often it is delivered; the inbox is each user's own; the daily and weekly jobs deliver through the same path.
 * Ana (salesperson, Spanish) works in team 1, led by Leo (English); Dora is a director, Fina works in finance.
 */
@Tag("db")
@ExtendWith(DatabaseAvailability.class)
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@Import(CleanDatabase.class)
class NotificationsModuleTests {

	static final int SMTP_PORT = freePort();

	@RegisterExtension
	static final GreenMailExtension mail = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"))
		.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
		.withPerMethodLifecycle(false);

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		ModuleTestDatabase.register(registry, "notifications");
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP_PORT);
		registry.add("rumbo.notifications.base-url", () -> "https://rumbo.example");
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Autowired
	OrgUnitManagement units;

	@Autowired
	StaffManagement staff;

	@Autowired
	UserManagement users;

	@Autowired
	Inbox inbox;

	@Autowired
	NotificationPreferences preferences;

	@Autowired
	Deliveries deliveries;

	@Autowired
	NotificationJobs jobs;

	@Autowired
	TaskManagement tasks;

	@Autowired
	ForecastCalls forecast;

	@Autowired
	JdbcClient jdbc;

	TwoTeamCompany company;

	CurrentUser ana;

	StaffView anaStaff;

	CurrentUser leo;

	StaffView leoStaff;

	CurrentUser dora;

	CurrentUser fina;

	@BeforeEach
	void company() {
		company = new TwoTeamCompany(units, staff, users, "N");
		ana = account("ana", Role.REP, "es");
		anaStaff = company.person("A", company.team1, JobRole.SALESPERSON, ana);
		leo = account("leo", Role.MANAGER, "en");
		leoStaff = company.person("L", company.team1, JobRole.TEAM_LEADER, leo);
		company.lead(company.team1, leoStaff);
		dora = account("dora", Role.DIRECTOR, "en");
		fina = account("fina", Role.FINANCE, "es");
	}

	private CurrentUser account(String name, Role role, String language) {
		CurrentUser user = company.account(name, role);
		UserView view = users.get(TwoTeamCompany.ADMIN, user.id().value());
		// A display name unlike the user name, so a text that names the actor shows which of the two it used.
		String displayName = Character.toUpperCase(name.charAt(0)) + name.substring(1) + " Prueba";
		users.update(TwoTeamCompany.ADMIN, view.id(), new UserManagement.UserChanges(view.version(), displayName,
				user.username() + "@rumbo.example", true, Set.of(role)));
		users.preferLocale(user.id(), language);
		return new CurrentUser(user.id(), user.username(), displayName, user.roles());
	}

	private List<NotificationView> inboxOf(CurrentUser user) {
		return inbox.list(user, false, new ListQuery(0, 100, List.of()), Locale.ENGLISH).content();
	}

	private List<MimeMessage> mailTo(CurrentUser user) {
		String address = user.username() + "@rumbo.example";
		return List.of(mail.getReceivedMessagesForDomain(address)).stream().filter(m -> {
			try {
				return m.getAllRecipients()[0].toString().equals(address);
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	private long count(String table, CurrentUser user) {
		return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE recipient_id = :user")
			.param("user", user.id().value())
			.query(Long.class)
			.single();
	}

	/** Until every publication so far has run its listener (completed ones are deleted from the registry). */
	private void settled() {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (jdbc.sql("SELECT COUNT(*) FROM event_publication").query(Long.class).single() > 0) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("publications still open");
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Test
	void aDisputeAnsweredReachesItsPersonOncePerChannelInTheirLanguageHoweverOftenItIsDelivered(Scenario scenario)
			throws Exception {
		DisputeAnswered answered = new DisputeAnswered(DisputeId.of(System.nanoTime() % 1_000_000), PayoutRunId.of(7),
				"PLAN-A", StaffId.of(anaStaff.id()), DisputeState.ADJUSTED, "Se abona en la próxima", new BigDecimal("12.50"),
				"fina");
		scenario.publish(answered).andWaitForStateChange(() -> count("notifications_notification", ana) > 0
				&& !mailTo(ana).isEmpty() ? true : null).andVerify(done -> {
				});
		// The same event again, as the registry re-runs a publication after a crash.
		scenario.publish(answered).andWaitForStateChange(() -> true).andVerify(done -> {
		});
		settled();
		assertThat(count("notifications_notification", ana)).isEqualTo(1);
		assertThat(count("notifications_email", ana)).isEqualTo(1);
		assertThat(mailTo(ana)).singleElement().satisfies(m -> {
			assertThat(m.getSubject()).isEqualTo("Su reclamación en PLAN-A tiene respuesta");
			assertThat(((String) m.getContent()).trim()).startsWith("Resultado ADJUSTED: Se abona en la próxima")
				.contains("https://rumbo.example/incentives/disputes/" + answered.dispute().value());
		});
		NotificationView seen = inboxOf(ana).get(0);
		assertThat(seen.kind()).isEqualTo(NotificationKind.DISPUTE_ANSWERED);
		assertThat(seen.title()).as("the inbox speaks the reader's language").isEqualTo("Your dispute on PLAN-A is answered");
		assertThat(inbox.get(ana, seen.id(), Locale.forLanguageTag("es")).title())
			.isEqualTo("Su reclamación en PLAN-A tiene respuesta");
		assertThat(seen.link()).isEqualTo("/incentives/disputes/" + answered.dispute().value());
		assertThat(inboxOf(leo)).isEmpty();
	}

	@Test
	void eachKindReachesItsPeopleOnTheChannelsTheyChose(Scenario scenario) throws Exception {
		// Leo wants quota news by e-mail only; Ana keeps the defaults (inbox and e-mail for a published quota).
		preferences.save(leo, List.of(new Preference(NotificationKind.QUOTA_PUBLISHED, false, true)));
		long key = System.nanoTime() % 1_000_000_000;
		scenario.publish(new QuotaPublished(2031, key, 2, List.of(UnitId.of(company.team1.id())), "dora", Instant.now()))
			.andWaitForStateChange(() -> mailTo(leo).isEmpty() ? null : true)
			.andVerify(done -> {
			});
		scenario.publish(new AwardGranted(AwardId.of(key), "TOP", StaffId.of(anaStaff.id()), UnitId.of(company.team1.id()),
				"FY2031-Q1", AwardSource.MANAGER, "Mejor trimestre", "leo", Instant.now()))
			.andWaitForStateChange(() -> true).andVerify(done -> {
			});
		scenario.publish(new EvaluationClosed(CycleId.of(key), TemplateId.of(1), LocalDate.of(2031, 1, 1),
				LocalDate.of(2031, 4, 1), LocalDate.of(2031, 4, 30), "leo", Instant.now(),
				List.of(new EvaluationClosed.Result(ScorecardId.of(key), StaffId.of(anaStaff.id()), UnitId.of(company.team1.id()),
						new BigDecimal("81.5"), null))))
			.andWaitForStateChange(() -> true).andVerify(done -> {
			});
		scenario.publish(new PlanVersionSubmitted(PlanVersionId.of(key), 5, "Plan 2031", 2031, 3, leo.username()))
			.andWaitForStateChange(() -> true).andVerify(done -> {
			});
		scenario.publish(new PlanVersionApproved(PlanVersionId.of(key), 5, "Plan 2031", 2031, 3, leo.username(),
				dora.username())).andWaitForStateChange(() -> true).andVerify(done -> {
				});
		scenario.publish(new DisputeRaised(DisputeId.of(key), PayoutRunId.of(3), "PLAN-B", 11, StaffId.of(anaStaff.id()),
				"FY2031-M01", ana.username())).andWaitForStateChange(() -> true).andVerify(done -> {
				});
		settled();

		assertThat(inboxOf(ana)).extracting(NotificationView::kind).containsExactlyInAnyOrder(
				NotificationKind.QUOTA_PUBLISHED, NotificationKind.AWARD_GRANTED, NotificationKind.EVALUATION_CLOSED);
		assertThat(inboxOf(ana)).filteredOn(n -> n.kind() == NotificationKind.EVALUATION_CLOSED).singleElement()
			.satisfies(n -> assertThat(n.link()).isEqualTo("/evaluation/scorecards/" + key))
			.satisfies(n -> assertThat(n.text()).as("dates in the reader's language").contains("by Apr 30, 2031."));
		// Award: inbox only by default; quota and evaluation: both.
		assertThat(mailTo(ana)).extracting(MimeMessage::getSubject).containsExactlyInAnyOrder(
				"Su cuota del FY2031 está publicada", "Su evaluación está lista");
		assertThat(jdbc.sql("SELECT body FROM notifications_email WHERE event_key = :key")
			.param("key", "evaluation-closed:" + key)
			.query(String.class)
			.single()).as("the e-mail writes dates in the recipient's language").contains("antes del 30 abr 2031.");
		assertThat(inboxOf(leo)).extracting(NotificationView::kind).containsExactly(NotificationKind.PLAN_APPROVED);
		assertThat(mailTo(leo)).extracting(MimeMessage::getSubject).containsExactly("Your quota for FY2031 is published");
		assertThat(inboxOf(dora)).extracting(NotificationView::title).containsExactly("Plan submitted: Plan 2031");
		assertThat(inboxOf(fina)).extracting(NotificationView::kind).containsExactly(NotificationKind.DISPUTE_RAISED);
	}

	/**
	 * Issue 13 for recruitment (decision 0036): an approved requisition reaches whoever raised it (Pia, PEOPLE, in
	 * Spanish) and the manager of its unit (Leo), once however often it is delivered; not the approving director, not
	 * the unit's salesperson. Only managers, PEOPLE, directors and admins are offered the kind in their preferences.
	 */
	@Test
	void anApprovedRequisitionReachesItsRequesterAndTheUnitsManagerOnce(Scenario scenario) {
		CurrentUser pia = account("pia", Role.PEOPLE, "es");
		long key = System.nanoTime() % 1_000_000_000;
		io.rumbo.people.RequisitionApproved approved = new io.rumbo.people.RequisitionApproved(
				io.rumbo.people.RequisitionId.of(key), UnitId.of(company.team1.id()), JobRole.SALESPERSON,
				pia.username(), null, StaffId.of(leoStaff.id()), dora.username(), LocalDate.of(2031, 3, 2));
		scenario.publish(approved).andWaitForStateChange(() -> inboxOf(leo).isEmpty() ? null : true)
			.andVerify(done -> {
			});
		scenario.publish(approved).andWaitForStateChange(() -> true).andVerify(done -> {
		});
		settled();
		assertThat(inboxOf(leo)).singleElement().satisfies(n -> {
			assertThat(n.kind()).isEqualTo(NotificationKind.REQUISITION_APPROVED);
			assertThat(n.title()).isEqualTo("Requisition approved: Equipo 1");
			assertThat(n.text()).as("the approver by display name").isEqualTo("Dora Prueba approved requisition #" + key + " for Equipo 1; its "
					+ "candidates may now be hired.");
			assertThat(n.link()).isEqualTo("/people/requisitions/" + key);
		});
		assertThat(inboxOf(pia)).singleElement().satisfies(n -> assertThat(inbox.get(pia, n.id(),
				Locale.forLanguageTag("es")).title()).isEqualTo("Solicitud de contratación aprobada: Equipo 1"));
		assertThat(inboxOf(dora)).as("the approver").isEmpty();
		assertThat(inboxOf(ana)).as("a salesperson of the unit").isEmpty();
		assertThat(NotificationKind.REQUISITION_APPROVED.reaches(Set.of(Role.REP))).isFalse();
		assertThat(NotificationKind.REQUISITION_APPROVED.reaches(Set.of(Role.MANAGER))).isTrue();
		assertThat(NotificationKind.REQUISITION_APPROVED.reaches(Set.of(Role.PEOPLE))).isTrue();
	}

	@Test
	void aTaskGivenToAnaAndDueTodayTellsHerOnceAndTheDigestCountsIt() {
		LocalDate today = LocalDate.now();
		tasks.create(leo, new TaskManagement.TaskDetails("Llamar a Acme", null, anaStaff.id(), null, null, today));
		settled();
		assertThat(inboxOf(ana)).singleElement().satisfies(n -> {
			assertThat(n.title()).isEqualTo("New task: Llamar a Acme");
			assertThat(n.text()).as("who gave it, by display name").startsWith("Leo Prueba gave you the task");
		});
		assertThat(inboxOf(leo)).as("the author is not told of their own task").isEmpty();

		jobs.dueChecks(today);
		jobs.dueChecks(today);
		assertThat(inboxOf(ana)).extracting(NotificationView::kind)
			.containsExactlyInAnyOrder(NotificationKind.TASK_ASSIGNED, NotificationKind.TASK_DUE);

		jobs.digest(today);
		jobs.digest(today);
		assertThat(inboxOf(ana)).filteredOn(n -> n.kind() == NotificationKind.WEEKLY_DIGEST).singleElement()
			.satisfies(n -> assertThat(n.text()).contains("Tasks due by "
					+ io.rumbo.shared.web.Formats.date(today.plusDays(7), Locale.ENGLISH) + ": 1."));
	}

	@Test
	void theInboxIsEachUsersOwn() {
		long key = System.nanoTime();
		deliveries.deliver(Delivery.of("test:" + key, NotificationKind.TASK_DUE, Set.of(ana.id()), "/tasks", "Uno",
				LocalDate.of(2031, 1, 2)));
		deliveries.deliver(Delivery.of("test:" + key + ":b", NotificationKind.TASK_DUE, Set.of(ana.id()), null, "Dos",
				LocalDate.of(2031, 1, 3)));
		assertThat(inbox.unread(ana)).isEqualTo(2);
		long first = inboxOf(ana).get(1).id();
		assertThatThrownBy(() -> inbox.get(leo, first, Locale.ENGLISH)).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> inbox.markRead(leo, first, Locale.ENGLISH)).isInstanceOf(NotFoundException.class);
		assertThat(inbox.markRead(ana, first, Locale.ENGLISH).unread()).isFalse();
		assertThat(inbox.unread(ana)).isEqualTo(1);
		assertThat(inbox.list(ana, true, new ListQuery(0, 10, List.of()), Locale.ENGLISH).content())
			.extracting(NotificationView::title).containsExactly("Due today: Dos");
		assertThat(inbox.markAllRead(leo)).isZero();
		assertThat(inbox.markAllRead(ana)).isEqualTo(1);
		assertThat(inbox.unread(ana)).isZero();
		// A salesperson is offered the kinds that can reach her, not the team's alerts or the approvals.
		assertThat(preferences.of(ana)).extracting(Preference::kind)
			.containsExactlyElementsOf(java.util.Arrays.stream(NotificationKind.values())
				.filter(kind -> kind.reaches(Set.of(Role.REP)))
				.toList())
			.contains(NotificationKind.TASK_DUE, NotificationKind.FORECAST_DUE, NotificationKind.SUCCESS_CASE_SHARED)
			.doesNotContain(NotificationKind.AT_RISK, NotificationKind.FORECAST_SUBMITTED,
					NotificationKind.PLAN_SUBMITTED);
		assertThat(preferences.of(ana)).contains(new Preference(NotificationKind.AWARD_GRANTED, true, false));
		assertThat(preferences.of(leo)).extracting(Preference::kind).contains(NotificationKind.AT_RISK);
	}

	@Test
	void aForecastCallDueRemindsAnaOncePerPeriodAndHerCallTellsLeoOnce() {
		ForecastCalls.Period month = forecast.period(null);
		// Two Thursdays of the same month, or a run repeated: one reminder.
		jobs.forecastDue();
		jobs.forecastDue();
		assertThat(inboxOf(ana)).filteredOn(n -> n.kind() == NotificationKind.FORECAST_DUE).singleElement()
			.satisfies(n -> assertThat(n.title()).isEqualTo("Forecast call due for " + month.code()))
			.satisfies(n -> assertThat(n.link()).isEqualTo("/forecast"));
		assertThat(jdbc.sql("SELECT subject FROM notifications_email WHERE event_key = :key")
			.param("key", "forecast-due:" + anaStaff.id() + ":" + month.code())
			.query(String.class)
			.list()).as("asks her to act: e-mail too, in her language")
			.containsExactly("Previsión pendiente para " + month.code());
		assertThat(inboxOf(leo)).as("a team leader calls for the team, not as a salesperson")
			.noneMatch(n -> n.kind() == NotificationKind.FORECAST_DUE);

		forecast.submit(ana, month.code(), new ForecastCalls.CallFigures(new BigDecimal("100"), new BigDecimal("150"),
				new BigDecimal("200"), null));
		settled();
		assertThat(inboxOf(leo)).filteredOn(n -> n.kind() == NotificationKind.FORECAST_SUBMITTED).singleElement()
			.satisfies(n -> assertThat(n.title()).isEqualTo("Forecast call in: " + anaStaff.fullName() + " ("
					+ month.code() + ")"))
			.satisfies(n -> assertThat(n.link()).isEqualTo("/forecast/team?period=" + month.code()))
			.satisfies(n -> assertThat(n.text()).as("money in the reader's language").endsWith("most likely €150.00."));
		assertThat(inbox.list(leo, false, new ListQuery(0, 100, List.of()), Locale.forLanguageTag("es")).content())
			.filteredOn(n -> n.kind() == NotificationKind.FORECAST_SUBMITTED).singleElement()
			.satisfies(n -> assertThat(n.text()).contains("más probable 150,00").endsWith("€."));
		assertThat(inboxOf(ana)).noneMatch(n -> n.kind() == NotificationKind.FORECAST_SUBMITTED);

		// Called: the next run tells her nothing more.
		jobs.forecastDue();
		assertThat(inboxOf(ana)).filteredOn(n -> n.kind() == NotificationKind.FORECAST_DUE).hasSize(1);
	}

	@Autowired
	io.rumbo.planning.FiscalCalendar calendar;

	/**
	 * A milestone of the month under way is news, with the measure named in the reader's language; one of a month
	 * already over when it was recorded (the check after a restart, the demo's history) tells nobody anything.
	 */
	@Test
	void aMilestoneOfThePeriodUnderWayIsNewsAndOneOfAPeriodAlreadyOverIsNot(Scenario scenario) {
		var years = calendar.years();
		LocalDate today = LocalDate.now();
		String current = years.code(years.month(years.yearOf(today), years.monthOf(today)));
		String past = years.code(years.month(years.yearOf(today) - 2, 1));
		scenario.publish(new BadgeEarned(StaffId.of(anaStaff.id()), "margin", past, Milestone.QUOTA,
				new BigDecimal("101.0"), today)).andWaitForStateChange(() -> true);
		scenario.publish(new BadgeEarned(StaffId.of(anaStaff.id()), "revenue", current, Milestone.NEAR,
				new BigDecimal("91.2"), today))
			.andWaitForStateChange(() -> inboxOf(ana).stream().anyMatch(n -> n.kind() == NotificationKind.MILESTONE_REACHED));
		settled();
		assertThat(inboxOf(ana)).filteredOn(n -> n.kind() == NotificationKind.MILESTONE_REACHED).singleElement()
			.satisfies(n -> assertThat(n.text()).contains("Net revenue").contains(current).doesNotContain("revenue in"));
		assertThat(inbox.list(ana, false, new ListQuery(0, 100, List.of()), Locale.forLanguageTag("es")).content())
			.filteredOn(n -> n.kind() == NotificationKind.MILESTONE_REACHED).singleElement()
			.satisfies(n -> assertThat(n.text()).contains("Facturación neta"));
	}
}
