package io.rumbo.improvement.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
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
import io.rumbo.improvement.Comparison;
import io.rumbo.improvement.Grain;
import io.rumbo.improvement.ImprovementPlanId;
import io.rumbo.improvement.ImprovementPlans;
import io.rumbo.improvement.ImprovementPlans.GoalDetails;
import io.rumbo.improvement.ImprovementPlans.SupportDetails;
import io.rumbo.improvement.ImprovementViews.PlanView;
import io.rumbo.improvement.SupportKind;
import io.rumbo.improvement.domain.GoalPacing;
import io.rumbo.metrics.Metric;
import io.rumbo.metrics.MetricsQuery;
import io.rumbo.organization.StaffId;
import io.rumbo.organization.StaffManagement;
import io.rumbo.organization.StaffView;
import io.rumbo.people.SupportTraining;
import io.rumbo.shared.DemoMode;
import io.rumbo.shared.web.ListQuery;

/**
 * Two improvement plans of the demo manager (Región Centro), both started six weeks ago for twelve weeks with a
 * check-in every two weeks: Pablo Romero's is on track (visits a week a little under his own rate so far, a goal by
 * hand ahead of its pace, two check-ins, the last a week ago so the next is a week away even when
 * the demo was loaded the day before); Diego Ruiz's is behind (visits a week half as many again as his rate, margin
 * above 22 %, a goal by hand at 10 %, one check-in five weeks ago, so the next is overdue). The visit targets come from
 * each person's figures in the metrics engine, so the first stays on track and the second behind on any demo data.
 * Diego's training action books a seat in an upcoming course of the people demo (decision 0039). Runs after the
 * quotas.
 */
@Component
@Order(150)
class DemoImprovementPlans implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoImprovementPlans.class);

	private final DemoMode demo;
	private final UserManagement users;
	private final StaffManagement staff;
	private final ImprovementPlans plans;
	private final MetricsQuery metrics;
	private final SupportTraining training;
	private final JdbcClient jdbc;
	private final Clock clock;

	DemoImprovementPlans(DemoMode demo, UserManagement users, StaffManagement staff, ImprovementPlans plans,
			MetricsQuery metrics, SupportTraining training, JdbcClient jdbc, Clock clock) {
		this.training = training;
		this.demo = demo;
		this.users = users;
		this.staff = staff;
		this.plans = plans;
		this.metrics = metrics;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		CurrentUser manager = users.actAs("manager").orElse(null);
		CurrentUser admin = users.actAs("admin").orElse(null);
		if (!demo.enabled() || manager == null || admin == null
				|| jdbc.sql("SELECT COUNT(*) FROM improvement_plan").query(Long.class).single() > 0) {
			return;
		}
		Optional<StaffView> pablo = person(admin, "Pablo Romero");
		Optional<StaffView> diego = person(admin, "Diego Ruiz");
		if (pablo.isEmpty() || diego.isEmpty()) {
			return;
		}
		LocalDate today = LocalDate.now(clock);
		LocalDate start = today.minusWeeks(6);
		LocalDate end = today.plusWeeks(6);
		BigDecimal pabloRate = visitsPerWeek(pablo.get(), start, end, today);
		PlanView onTrack = plans.open(manager, new ImprovementPlans.PlanDetails(pablo.get().id(),
				"Más visitas preparadas", "Pocas visitas a clientes con potencial el último trimestre.", start, end, 14,
				List.of(new GoalDetails("Visitas a clientes", Metric.VISITS.code(), Comparison.AT_LEAST,
						pabloRate.multiply(new BigDecimal("0.8")).setScale(0, RoundingMode.DOWN).max(BigDecimal.ONE)
							.min(pabloRate.setScale(0, RoundingMode.DOWN)), Grain.WEEK, end),
						new GoalDetails("Preparar cada visita con el histórico del cliente", null, null, null, null,
								end)),
				List.of(new SupportDetails(SupportKind.COACHING, "Sesión quincenal con el jefe de equipo"),
						new SupportDetails(SupportKind.SHADOWING, "Acompañar a Lucía García en dos visitas"))));
		onTrack = plans.activate(manager, id(onTrack), onTrack.version());
		long manual = onTrack.goals().get(1).id();
		onTrack = plans.checkIn(manager, id(onTrack), onTrack.version(), new ImprovementPlans.CheckInDetails(
				start.plusWeeks(2), "Buen arranque: agenda de visitas semanal.", Map.of(manual, new BigDecimal("30"))));
		onTrack = plans.checkIn(manager, id(onTrack), onTrack.version(), new ImprovementPlans.CheckInDetails(
				start.plusWeeks(5), "Prepara las visitas con la ficha del cliente.", Map.of(manual, new BigDecimal("60"))));

		BigDecimal diegoRate = visitsPerWeek(diego.get(), start, end, today);
		PlanView behind = plans.open(manager, new ImprovementPlans.PlanDetails(diego.get().id(),
				"Recuperar margen y actividad", "Margen y visitas por debajo del equipo dos trimestres seguidos.",
				start, end, 14,
				List.of(new GoalDetails("Visitas a clientes", Metric.VISITS.code(), Comparison.AT_LEAST,
						diegoRate.multiply(new BigDecimal("1.5")).setScale(0, RoundingMode.UP).add(BigDecimal.ONE),
						Grain.WEEK, end),
						new GoalDetails("Margen por encima del 22 %", Metric.MARGIN_PCT.code(), Comparison.AT_LEAST,
								new BigDecimal("22"), Grain.WHOLE, end),
						new GoalDetails("Completar la formación de negociación", null, null, null, null,
								end.minusWeeks(2))),
				List.of(new SupportDetails(SupportKind.TRAINING, "Curso de venta consultiva (dos días)",
						trainingFor(manager, diego.get())))));
		behind = plans.activate(manager, id(behind), behind.version());
		plans.checkIn(manager, id(behind), behind.version(), new ImprovementPlans.CheckInDetails(start.plusWeeks(1),
				"Se apunta al curso; sin cambios en las visitas todavía.",
				Map.of(behind.goals().get(2).id(), new BigDecimal("10"))));
		log.info("Demo improvement plans: {} on track, {} behind", onTrack.personName(), behind.personName());
	}

	/**
	 * The session Diego's training action books (people's demo, @Order 25, ran before): the consultative selling
	 * course if it has a seat for him, else the first upcoming session offered to him; none when there is none.
	 */
	private @Nullable Long trainingFor(CurrentUser manager, StaffView person) {
		List<SupportTraining.SessionChoice> choices = training.sessionsFor(manager, person.id(), List.of());
		return choices.stream().filter(c -> c.programme().startsWith("Venta consultiva")).findFirst()
			.or(() -> choices.stream().findFirst()).map(SupportTraining.SessionChoice::id).orElse(null);
	}

	/** The person's visits a week so far in the months the plan reads. */
	private BigDecimal visitsPerWeek(StaffView person, LocalDate start, LocalDate end, LocalDate today) {
		var period = GoalPacing.measured(start, end);
		BigDecimal visits = metrics.byPerson(Metric.VISITS, period, List.of(StaffId.of(person.id())))
			.getOrDefault(StaffId.of(person.id()), BigDecimal.ZERO);
		long days = ChronoUnit.DAYS.between(period.start(), today) + 1;
		return visits.multiply(BigDecimal.valueOf(7)).divide(BigDecimal.valueOf(days), 2, RoundingMode.HALF_UP);
	}

	private Optional<StaffView> person(CurrentUser admin, String name) {
		return staff.list(admin, new StaffManagement.StaffFilter(name, null, null, null, false, null),
				ListQuery.of(0, 1, null, StaffManagement.SORTS, "employeeNumber")).content().stream().findFirst();
	}

	private static ImprovementPlanId id(PlanView plan) {
		return ImprovementPlanId.of(plan.id());
	}
}
