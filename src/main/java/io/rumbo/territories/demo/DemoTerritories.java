package io.rumbo.territories.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
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

import io.rumbo.customers.CustomerManagement;
import io.rumbo.customers.CustomerView;
import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.UserManagement;
import io.rumbo.organization.JobRole;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.organization.StaffManagement;
import io.rumbo.organization.StaffView;
import io.rumbo.shared.DemoMode;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.territories.ModelView;
import io.rumbo.territories.RuleField;
import io.rumbo.territories.CallNorms;
import io.rumbo.territories.FrozenAccounts;
import io.rumbo.territories.TerritoryModels;
import io.rumbo.territories.TerritoryView;

/**
 * The demo's territories: an active model for Equipo Asturias (Región Norte) whose three salespeople's territories
 * are postal-code ranges of the team's accounts, the western one visibly overloaded (more than half the accounts), and
 * a draft realignment with even ranges that fixes it, for the director to preview and activate. The most valuable
 * account of the team and the two most valuable of Madrid Norte are kept out of realignments, each with its reason,
 * and class C accounts have a call norm of their own (six visits of forty minutes a year). Runs after every loader
 * that sets account owners; once.
 */
@Component
@Order(174)
class DemoTerritories implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoTerritories.class);

	/** Postal-code ranges of the three territories: today's (lopsided) and the draft's (workloads within about 15 % of
	 * their average on the demo's accounts). */
	private static final List<String[]> ACTIVE = List.of(new String[] { "00000", "29999" },
			new String[] { "30000", "41999" }, new String[] { "42000", "99999" });

	private static final List<String[]> DRAFT = List.of(new String[] { "00000", "11499" },
			new String[] { "11500", "31499" }, new String[] { "31500", "99999" });

	private static final List<String[]> NAMES = List.of(new String[] { "AST-O", "Asturias Occidente" },
			new String[] { "AST-C", "Asturias Centro" }, new String[] { "AST-E", "Asturias Oriente" });

	private final DemoMode demo;
	private final UserManagement users;
	private final TerritoryModels models;
	private final FrozenAccounts frozen;
	private final CallNorms norms;
	private final StaffManagement staff;
	private final CustomerManagement customers;
	private final OrgDirectory org;
	private final JdbcClient jdbc;
	private final Clock clock;

	DemoTerritories(DemoMode demo, UserManagement users, TerritoryModels models, FrozenAccounts frozen, CallNorms norms,
			StaffManagement staff, CustomerManagement customers, OrgDirectory org, JdbcClient jdbc, Clock clock) {
		this.demo = demo;
		this.users = users;
		this.models = models;
		this.frozen = frozen;
		this.norms = norms;
		this.staff = staff;
		this.customers = customers;
		this.org = org;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		CurrentUser director = users.actAs("director").orElse(null);
		Map<String, Long> units = org.unitIdsByCode();
		Long team = units.get("E-OVI");
		Long region = units.get("R-NORTE");
		if (!demo.enabled() || director == null || team == null || region == null
				|| jdbc.sql("SELECT COUNT(*) FROM territories_model").query(Long.class).single() > 0) {
			return;
		}
		List<StaffView> sellers = staff.list(director, new StaffManagement.StaffFilter(null, team, JobRole.SALESPERSON,
				null, false, null), ListQuery.of(0, 10, List.of("employeeNumber"), StaffManagement.SORTS,
						"employeeNumber"))
			.content()
			.stream()
			.filter(s -> s.unitId() == team)
			.toList();
		if (sellers.size() < 3) {
			return;
		}
		List<CustomerView> accounts = customers.list(director, new CustomerManagement.Filter(null, null, null, null,
				null, team, false), ListQuery.of(0, 500, List.of("legalName"), CustomerManagement.SORTS, "legalName"))
			.content();
		// A model takes effect the day it is activated (decision 0037); an account whose current owner starts later
		// would refuse it, so the demo then leaves territories alone.
		LocalDate date = LocalDate.now(clock);
		for (CustomerView account : accounts) {
			boolean later = customers.ownership(director, account.id()).stream()
				.anyMatch(p -> p.validTo() == null && p.validFrom().isAfter(date));
			if (later) {
				return;
			}
		}
		ModelView active = models.create(director, "Territorios Norte " + date.getYear(),
				"Equipo Asturias por códigos postales.", null);
		TerritoryView north = models.addTerritory(director, active.id(), new TerritoryModels.TerritoryDetails(null,
				"NORTE", "Norte", 0, null, region));
		TerritoryView asturias = models.addTerritory(director, active.id(), new TerritoryModels.TerritoryDetails(
				north.id(), "AST", "Asturias", 0, null, team));
		for (int i = 0; i < 3; i++) {
			TerritoryView leaf = models.addTerritory(director, active.id(), new TerritoryModels.TerritoryDetails(
					asturias.id(), NAMES.get(i)[0], NAMES.get(i)[1], i + 1, sellers.get(i).id(), null));
			leaf = models.addRule(director, active.id(), leaf.id(), leaf.version(), RuleField.UNIT,
					Long.toString(team), null);
			models.addRule(director, active.id(), leaf.id(), leaf.version(), RuleField.POSTAL_CODE,
					ACTIVE.get(i)[0], ACTIVE.get(i)[1]);
		}
		// The team's most valuable account keeps its salesperson whatever the territories say.
		accounts.stream()
			.filter(a -> a.annualPotential() != null)
			.max(Comparator.comparing(CustomerView::annualPotential, Comparator.nullsFirst(BigDecimal::compareTo)))
			.ifPresent(a -> frozen.freeze(director, a.id(), "Cliente clave: se mantiene su interlocutor."));
		// Two key accounts of Madrid Norte keep their salesperson too, each with its reason (the frozen list).
		Long madrid = units.get("E-MAD-NOR");
		if (madrid != null) {
			List<CustomerView> keys = customers.list(director, new CustomerManagement.Filter(null, null, null, null,
					null, madrid, false), ListQuery.of(0, 500, List.of("legalName"), CustomerManagement.SORTS,
							"legalName"))
				.content()
				.stream()
				.filter(a -> a.annualPotential() != null)
				.sorted(Comparator.comparing(CustomerView::annualPotential).reversed())
				.limit(2)
				.toList();
			List<String> reasons = List.of("Contrato marco en negociación hasta fin de año.",
					"Relación personal con la dirección de compras.");
			for (int i = 0; i < keys.size(); i++) {
				frozen.freeze(director, keys.get(i).id(), reasons.get(i));
			}
		}
		// Class C accounts are visited more often and more briefly than the default norm.
		norms.list().stream()
			.filter(n -> n.potentialClass().equals("C"))
			.findFirst()
			.ifPresent(c -> norms.change(director, "C", c.version(), 6, 40));
		models.activate(director, active.id(), models.get(director, active.id()).version(), date);

		ModelView draft = models.create(director, "Reequilibrio Asturias",
				"Nuevos rangos de códigos postales: reparte la carga de Asturias Occidente.", active.id());
		for (TerritoryView t : models.territories(director, draft.id())) {
			int i = NAMES.stream().map(n -> n[0]).toList().indexOf(t.code());
			if (i < 0) {
				continue;
			}
			TerritoryView leaf = t;
			for (TerritoryView.Rule rule : t.rules()) {
				if (rule.field() == RuleField.POSTAL_CODE) {
					leaf = models.removeRule(director, draft.id(), leaf.id(), leaf.version(), rule.id());
				}
			}
			models.addRule(director, draft.id(), leaf.id(), leaf.version(), RuleField.POSTAL_CODE, DRAFT.get(i)[0],
					DRAFT.get(i)[1]);
		}
		log.info("Demo territories: model {} active from {}, draft {} ready", active.id(), date, draft.id());
	}
}
