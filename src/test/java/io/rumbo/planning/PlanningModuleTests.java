package io.rumbo.planning;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import io.rumbo.catalog.CatalogManagement;
import io.rumbo.catalog.ProductLineId;
import io.rumbo.catalog.ProductLineView;
import io.rumbo.customers.CustomerSalesHistory;
import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.identity.UserId;
import io.rumbo.organization.OrgUnitKind;
import io.rumbo.organization.OrgUnitManagement;
import io.rumbo.organization.OrgUnitView;
import io.rumbo.organization.UnitId;
import io.rumbo.planning.PlanViews.VersionView;
import io.rumbo.shared.domain.ConflictException;
import io.rumbo.shared.time.FiscalPeriod;
import io.rumbo.support.CleanDatabase;
import io.rumbo.support.DatabaseAvailability;
import io.rumbo.support.ModuleTestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;

/**
 * The planning module with its direct dependencies (organization, catalog, customers, identity, shared) and no demo
 * company: activating a plan version announces it. Metrics and sales come later and are not booted, so what they
 * implement for the modules booted here is mocked: {@link PlanActuals} (last year's sales, so the first draft's
 * baseline is known) and customers' {@link CustomerSalesHistory}, which the customers module's service facade needs
 * to start (no test here reads it).
 */
@Tag("db")
@ExtendWith(DatabaseAvailability.class)
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
@Import(CleanDatabase.class)
class PlanningModuleTests {

	static final CurrentUser DIRECTOR = new CurrentUser(new UserId(1), "director", "Director", Set.of(Role.DIRECTOR));

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		ModuleTestDatabase.register(registry, "planning");
	}

	@MockitoBean
	PlanActuals actuals;

	@MockitoBean
	CustomerSalesHistory customerSales;

	@Autowired
	OrgUnitManagement units;

	@Autowired
	CatalogManagement catalog;

	@Autowired
	PlanWorkflow workflow;

	@Autowired
	PlanReading reading;

	@Autowired
	Clock clock;

	OrgUnitView unit;

	ProductLineView line;

	@BeforeEach
	void records() {
		String code = "P" + System.nanoTime() % 1_000_000_000;
		CurrentUser admin = new CurrentUser(new UserId(1), "admin", "Admin", Set.of(Role.ADMIN));
		unit = units.create(admin, new OrgUnitManagement.UnitDetails(code, code, OrgUnitKind.COMPANY, null, null, null,
				LocalDate.of(2020, 1, 1), null));
		line = catalog.createLine(admin, new CatalogManagement.LineDetails("L-" + code, "Línea", "Line", true));
		// Last year the unit sold 1,000 of the line in the first month of the fiscal year.
		given(actuals.actuals(any(), isNull())).willAnswer(call -> {
			FiscalPeriod year = call.getArgument(0);
			return List.of(new PlanActuals.Actual(new FiscalPeriod(year.start(), year.start().plusMonths(1)),
					UnitId.of(unit.id()), ProductLineId.of(line.id()), new BigDecimal("1000"), new BigDecimal("10"),
					new BigDecimal("300")));
		});
	}

	@Test
	void activatingAVersionAnnouncesItAndTheVersionItReplaced(Scenario scenario) {
		int year = LocalDate.now(clock).getYear() + 1;
		PlanViews.PlanView plan = workflow.create(DIRECTOR, year, "Plan " + year, new BigDecimal("10"), Map.of());
		VersionView first = approved(plan.versions().get(0));
		assertThat(reading.targets(DIRECTOR, first.id())).as("last year's sales grown by 10 %")
			.singleElement()
			.satisfies(cell -> {
				assertThat(cell.unitId()).isEqualTo(unit.id());
				assertThat(cell.lineId()).isEqualTo(line.id());
				assertThat(cell.revenue()).isEqualByComparingTo("1100");
			});

		scenario.stimulate(() -> workflow.activate(DIRECTOR, first.id(), first.version()))
			.andWaitForEventOfType(PlanVersionActivated.class)
			.matching(activated -> activated.versionId().equals(PlanVersionId.of(first.id())))
			.toArriveAndVerify(activated -> assertThat(activated).isEqualTo(new PlanVersionActivated(
					PlanVersionId.of(first.id()), year, null, LocalDate.now(clock))));

		VersionView active = reading.version(DIRECTOR, first.id());
		VersionView second = approved(workflow.revise(DIRECTOR, active.id(), "Second thoughts"));
		scenario.stimulate(() -> workflow.activate(DIRECTOR, second.id(), second.version()))
			.andWaitForEventOfType(PlanVersionActivated.class)
			.matching(activated -> activated.versionId().equals(PlanVersionId.of(second.id())))
			.toArriveAndVerify(activated -> assertThat(activated).isEqualTo(new PlanVersionActivated(
					PlanVersionId.of(second.id()), year, PlanVersionId.of(first.id()), LocalDate.now(clock))));
		assertThat(reading.version(DIRECTOR, first.id()).state()).isEqualTo(PlanState.CLOSED);
	}

	@Test
	void aDraftIsNotActivatedAndAnnouncesNothing(AssertablePublishedEvents events) {
		int year = LocalDate.now(clock).getYear() + 2;
		VersionView draft = workflow.create(DIRECTOR, year, "Plan " + year, BigDecimal.ZERO, Map.of()).versions().get(0);
		assertThatThrownBy(() -> workflow.activate(DIRECTOR, draft.id(), draft.version()))
			.isInstanceOf(ConflictException.class)
			.hasMessage("planning.version.wrongState");
		assertThat(events.ofType(PlanVersionActivated.class)).isEmpty();
	}

	private VersionView approved(VersionView draft) {
		VersionView submitted = workflow.submit(DIRECTOR, draft.id(), draft.version());
		return workflow.approve(DIRECTOR, submitted.id(), submitted.version());
	}
}
