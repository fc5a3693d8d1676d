package io.rumbo.sizing.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.catalog.CatalogManagement;
import io.rumbo.catalog.ProductLineView;
import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.UserManagement;
import io.rumbo.organization.JobRole;
import io.rumbo.organization.OrgUnitKind;
import io.rumbo.organization.OrgUnitManagement;
import io.rumbo.organization.OrgUnitView;
import io.rumbo.organization.StaffManagement;
import io.rumbo.organization.StaffView;
import io.rumbo.planning.FiscalCalendar;
import io.rumbo.shared.DemoMode;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.sizing.BudgetViews;
import io.rumbo.sizing.Budgets;
import io.rumbo.sizing.ChannelBasis;
import io.rumbo.sizing.ChannelTerms;
import io.rumbo.sizing.ChannelTermsView;
import io.rumbo.sizing.CostKind;
import io.rumbo.sizing.CostType;
import io.rumbo.sizing.SizingFigures;
import io.rumbo.sizing.SizingMethod;
import io.rumbo.sizing.SizingScenarios;

/**
 * The demo's sizing: two scenarios of the director's (the company's workload from its accounts, Región Centro's
 * breakdown from its plan or quota), this fiscal year's budget of every region by month and cost type with the actual
 * costs of the months gone by, an agent signed for Asturias, and the terms of the demo's channels (the distributor, through its agent's seller
 * record). Runs after everything it reads; once, on an empty sizing.
 */
@Component
@Order(175)
class DemoSizing implements ApplicationRunner {

	/** A region's monthly budget per cost type, before its own factor. */
	private static final Map<CostType, BigDecimal> MONTHLY = Map.of(CostType.SALARIES, new BigDecimal("48000"),
			CostType.COMMISSIONS, new BigDecimal("9000"), CostType.TRAVEL, new BigDecimal("4500"),
			CostType.SAMPLES_MARKETING, new BigDecimal("2500"), CostType.OTHER, new BigDecimal("1200"));

	private final DemoMode demo;
	private final UserManagement users;
	private final SizingScenarios scenarios;
	private final SizingFigures figures;
	private final Budgets budgets;
	private final ChannelTerms channels;
	private final OrgUnitManagement units;
	private final StaffManagement staff;
	private final CatalogManagement catalog;
	private final FiscalCalendar calendar;
	private final JdbcClient jdbc;
	private final Clock clock;
	private final io.rumbo.organization.OrgDirectory org;

	DemoSizing(DemoMode demo, UserManagement users, SizingScenarios scenarios, SizingFigures figures, Budgets budgets,
			ChannelTerms channels, OrgUnitManagement units, StaffManagement staff, CatalogManagement catalog,
			FiscalCalendar calendar, JdbcClient jdbc, Clock clock, io.rumbo.organization.OrgDirectory org) {
		this.org = org;
		this.demo = demo;
		this.users = users;
		this.scenarios = scenarios;
		this.figures = figures;
		this.budgets = budgets;
		this.channels = channels;
		this.units = units;
		this.staff = staff;
		this.catalog = catalog;
		this.calendar = calendar;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		CurrentUser director = users.actAs("director").orElse(null);
		if (!demo.enabled() || director == null
				|| jdbc.sql("SELECT COUNT(*) FROM sizing_scenario").query(Long.class).single() > 0) {
			return;
		}
		int year = calendar.currentYear();
		List<OrgUnitView> regions = units.list(director, new OrgUnitManagement.UnitFilter(null, OrgUnitKind.REGION,
				null, false, null), ListQuery.of(0, 100, null, Map.of("code", "u.code"), "code")).content();
		budgets.defaultUnit(director).ifPresent(company -> {
			SizingFigures.Found found = figures.of(director, company, year, 0);
			scenarios.save(director, new SizingScenarios.Draft("Carga de trabajo de la compañía " + year,
					SizingMethod.WORKLOAD, company, year, figures.suggested(SizingMethod.WORKLOAD, found),
					"Visitas por clase de potencial según las cuentas activas."));
		});
		regions.stream().filter(r -> r.code().equals("R-CENTRO")).findFirst().ifPresent(centro -> {
			SizingFigures.Found found = figures.of(director, centro.id(), year, 0);
			var inputs = figures.suggested(SizingMethod.BREAKDOWN, found);
			if (inputs.value("forecastSales") == null || inputs.value("salesPerSalesperson") == null) {
				inputs = new io.rumbo.sizing.SizingInputs(Map.of("forecastSales", new BigDecimal("10000000"),
						"salesPerSalesperson", new BigDecimal("250000"), "turnoverPercent", BigDecimal.TEN), List.of());
			}
			scenarios.save(director, new SizingScenarios.Draft("Desglose Región Centro " + year, SizingMethod.BREAKDOWN,
					centro.id(), year, inputs, "Objetivo del plan entre las ventas por vendedor del año pasado."));
		});
		budgetsOf(director, regions, year);
		// The company's own central costs (marketing, other), besides the regions'.
		budgets.defaultUnit(director).ifPresent(company -> {
			List<BudgetViews.Cell> central = new ArrayList<>();
			for (int m = 1; m <= 12; m++) {
				central.add(new BudgetViews.Cell(m, CostType.SAMPLES_MARKETING, new BigDecimal("6000.00")));
				central.add(new BudgetViews.Cell(m, CostType.OTHER, new BigDecimal("2500.00")));
			}
			budgets.save(director, year, company, 0, central);
		});
		agent();
		terms(director);
	}

	/**
	 * An agent signed a year ago for Asturias (besides the organisation's distributor), so the channel pages show both
	 * kinds: a unit of kind AGENT under the Asturias team with its seller record. Its terms follow with the
	 * distributor's; it has booked nothing yet, so its statements start at zero.
	 */
	private void agent() {
		CurrentUser admin = users.actAs("admin").orElse(null);
		Long asturias = org.unitIdsByCode().get("E-OVI");
		if (admin == null || asturias == null || org.unitIdsByCode().containsKey("A-CANTABRICO")) {
			return;
		}
		LocalDate signed = LocalDate.now(clock).minusYears(1).withDayOfMonth(1);
		OrgUnitView agent = units.create(admin, new OrgUnitManagement.UnitDetails("A-CANTABRICO",
				"Representaciones Cantábrico", OrgUnitKind.AGENT, "Gijón", asturias, null, signed, null));
		staff.create(admin, new StaffManagement.StaffDetails("AG-0001", "Íñigo", "Fernández Llano",
				"inigo.fernandez@cantabrico.example", "+34 985 000 111", signed, agent.id(), JobRole.AGENT,
				io.rumbo.organization.StaffStatus.ACTIVE, 3, null, null));
	}

	/** Every region's budget for the year and its actual costs up to last month, each region a little off budget. */
	private void budgetsOf(CurrentUser director, List<OrgUnitView> regions, int year) {
		int monthsGone = calendar.years().monthOf(LocalDate.now(clock)) - 1;
		int r = 0;
		for (OrgUnitView region : regions) {
			BigDecimal factor = BigDecimal.ONE.add(new BigDecimal("0.15").multiply(BigDecimal.valueOf(r)));
			List<BudgetViews.Cell> budget = new ArrayList<>();
			List<BudgetViews.Cell> actual = new ArrayList<>();
			for (int m = 1; m <= 12; m++) {
				for (CostType t : CostType.values()) {
					BigDecimal amount = MONTHLY.get(t).multiply(factor).setScale(2, RoundingMode.HALF_UP);
					budget.add(new BudgetViews.Cell(m, t, amount));
					if (m <= monthsGone) {
						// Región Norte spends more on travel than planned, the others stay near their budget.
						BigDecimal off = BigDecimal.ONE.add(new BigDecimal("0.01").multiply(BigDecimal.valueOf(
								(m * 7 + t.ordinal() * 3 + r * 5) % 9 - 4)));
						if (t == CostType.TRAVEL && region.code().equals("R-NORTE")) {
							off = new BigDecimal("1.35");
						}
						actual.add(new BudgetViews.Cell(m, t, amount.multiply(off).setScale(2, RoundingMode.HALF_UP)));
					}
				}
			}
			budgets.save(director, year, region.id(), 0, budget);
			if (!actual.isEmpty()) {
				budgets.importCells(director, CostKind.ACTUAL, year, Map.of(region.id(), actual), true);
			}
			r++;
		}
	}

	/**
	 * The distributor earns 12 % of the margin of what its agent sells, the agent 8 % of its revenue, on the first two
	 * product lines, since the start of the fiscal year; the terms write the plans that pay them (decision 0042).
	 */
	private void terms(CurrentUser director) {
		List<ProductLineView> lines = catalog.lines(false);
		for (ChannelTermsView channel : channels.list(director, new ChannelTerms.Filter(null, null, null),
				ListQuery.of(0, 100, null, ChannelTerms.SORTS, "name")).content()) {
			Long seller = staff.list(director, new StaffManagement.StaffFilter(null, channel.id(), JobRole.AGENT, null,
					false, null), ListQuery.of(0, 1, null, Map.of("lastName", "s.last_name"), "lastName"))
				.content()
				.stream()
				.findFirst()
				.map(StaffView::id)
				.orElse(null);
			boolean distributor = channel.kind() == OrgUnitKind.DISTRIBUTOR;
			channels.save(director, channel.id(), channel.version(), new ChannelTerms.Details(
					distributor ? ChannelBasis.MARGIN : ChannelBasis.REVENUE,
					distributor ? new BigDecimal("12") : new BigDecimal("8"), seller,
					lines.stream().limit(2).map(ProductLineView::id).toList(),
					distributor ? List.of() : channels.territoryChoices(director).stream()
						.filter(t -> t.code().equals("AST")).map(t -> t.id()).toList(),
					distributor ? "Islas Canarias" : null, distributor ? "Carmen Rodríguez Betancor" : null,
					distributor ? "compras@canarias-atlantico.example" : null, distributor ? "+34 928 000 000" : null,
					calendar.years().year(calendar.currentYear()).start()));
		}
	}
}
