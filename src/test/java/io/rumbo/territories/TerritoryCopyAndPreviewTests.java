package io.rumbo.territories;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import io.rumbo.catalog.CatalogManagement;
import io.rumbo.catalog.UnitOfMeasure;
import io.rumbo.customers.CompanySize;
import io.rumbo.customers.CustomerManagement;
import io.rumbo.customers.CustomerStatus;
import io.rumbo.customers.CustomersImported;
import io.rumbo.customers.PotentialClass;
import io.rumbo.customers.Segment;
import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.identity.UserManagement;
import io.rumbo.organization.JobRole;
import io.rumbo.organization.OrgUnitManagement;
import io.rumbo.organization.StaffManagement;
import io.rumbo.organization.StaffView;
import io.rumbo.sales.OrderManagement;
import io.rumbo.sales.OrderView;
import io.rumbo.shared.time.FiscalPeriod;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.support.CleanDatabase;
import io.rumbo.support.DatabaseAvailability;
import io.rumbo.support.ModuleListeners;
import io.rumbo.support.ModuleTestDatabase;
import io.rumbo.support.TwoTeamCompany;
import io.rumbo.territories.domain.AccountSnapshot;
import io.rumbo.territories.domain.Alignment;

/**
 * The account copy kept from events and the preview read a page at a time (decision 0044), on a database of the
 * module's own. The copy after a sequence of creates, edits, owner changes, an archive and orders booked, changed,
 * cancelled and returned is the copy a full rebuild takes, and no rebuild ran meanwhile; an event that names no
 * account marks it stale and the next read rebuilds it. A preview's pages, in any sort, concatenate to the whole; its
 * summary and the balance, summed in SQL, equal the sums of the rows; the export writes the same rows; activation then
 * does exactly what the preview's pages showed.
 */
@Tag("db")
@ExtendWith(DatabaseAvailability.class)
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@Import(CleanDatabase.class)
class TerritoryCopyAndPreviewTests {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		ModuleTestDatabase.register(registry, "territories_copy");
	}

	@Autowired
	OrgUnitManagement units;

	@Autowired
	StaffManagement staff;

	@Autowired
	UserManagement users;

	@Autowired
	CustomerManagement customers;

	@Autowired
	CatalogManagement catalog;

	@Autowired
	OrderManagement orders;

	@Autowired
	TerritoryModels models;

	@Autowired
	TerritoryAnalysis analysis;

	@Autowired
	TerritoryBalances balances;

	@Autowired
	AccountCopy copy;

	@Autowired
	AccountSnapshot snapshot;

	@Autowired
	Alignment alignment;

	@Autowired
	Realignment realignment;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	org.springframework.context.ApplicationEventPublisher events;

	@Autowired
	Clock clock;

	TwoTeamCompany company;

	CurrentUser director;

	CurrentUser manager;

	StaffView ana;

	StaffView pedro;

	LocalDate today;

	FiscalPeriod lastYear;

	@BeforeEach
	void company() {
		today = LocalDate.now(clock);
		lastYear = realignment.lastYear(today);
		company = new TwoTeamCompany(units, staff, users, "C");
		director = company.account("dir", Role.DIRECTOR);
		ana = company.person("A", company.team1, JobRole.SALESPERSON, company.account("ana", Role.REP));
		pedro = company.person("P", company.team2, JobRole.SALESPERSON, company.account("pedro", Role.REP));
		manager = company.account("mgr", Role.MANAGER);
		company.lead(company.team2, company.person("M", company.team2, JobRole.TEAM_LEADER, manager));
	}

	@Test
	void theCopyKeptFromEventsEqualsAFullRebuild() {
		long product = product();
		long kept = account("Kept", "28001", "Madrid", ana);
		long edited = account("Edited", "28002", "Madrid", ana);
		long handed = account("Handed", "28003", "Madrid", ana);
		long archived = account("Archived", "28004", "Madrid", ana);
		ModuleListeners.await(jdbc, "io.rumbo.territories");
		realignment.prepare(today);
		var built = snapshot.state().rebuiltAt();

		update(edited, "Edited", "08001", "Barcelona", PotentialClass.A, ana);
		update(handed, "Handed", "28003", "Madrid", PotentialClass.B, pedro);
		customers.archive(TwoTeamCompany.ADMIN, archived);
		LocalDate inWindow = lastYear.start().plusDays(10);
		OrderView booked = order(kept, inWindow, product, "3");
		order(edited, inWindow.plusDays(1), product, "5");
		OrderView moved = order(handed, inWindow.plusDays(2), product, "2");
		order(kept, today, product, "7"); // this year: outside the window
		OrderView cancelled = order(edited, inWindow.plusDays(3), product, "4");
		order(kept, inWindow.plusDays(4), product, "-1"); // a return
		OrderView changed = orders.get(TwoTeamCompany.ADMIN, moved.id());
		orders.update(TwoTeamCompany.ADMIN, changed.id(), changed.version(), new OrderManagement.OrderDetails(kept,
				changed.orderDate(), null, null, List.of(new OrderManagement.NewLine(product, new BigDecimal("6"),
						new BigDecimal("20"), null)), List.of()));
		orders.cancel(TwoTeamCompany.ADMIN, cancelled.id());
		ModuleListeners.await(jdbc, "io.rumbo.territories");

		Map<Long, Map<String, Object>> incremental = copyRows();
		assertThat(snapshot.state().rebuiltAt()).as("kept from the events: no rebuild ran").isEqualTo(built);
		assertThat(incremental).doesNotContainKey(archived);
		assertThat(incremental.get(edited)).containsEntry("postal_code", "08001").containsEntry("city", "Barcelona")
			.containsEntry("potential_class", "A");
		assertThat(incremental.get(handed)).containsEntry("owner_staff_id", pedro.id())
			.containsEntry("unit_id", company.team2.id()).containsEntry("last_year_net", "0");
		assertThat(incremental.get(kept).get("last_year_net")).as("3 + 6 (the order moved to it) - 1 at 20")
			.isEqualTo(new BigDecimal("160").toPlainString());
		assertThat(incremental.get(edited).get("last_year_net")).as("5 at 20; the cancelled order left")
			.isEqualTo("100");
		assertThat(booked.customerId()).isEqualTo(kept);

		transactions.executeWithoutResult(s -> snapshot.rebuild(lastYear.start(), lastYear.end()));
		assertThat(copyRows()).as("a full rebuild takes the same copy").isEqualTo(incremental);
	}

	@Test
	void anEventThatNamesNoAccountMarksTheCopyStaleAndTheNextReadRebuildsIt() {
		long account = account("Stale", "41001", "Sevilla", ana);
		ModuleListeners.await(jdbc, "io.rumbo.territories");
		realignment.prepare(today);
		jdbc.sql("UPDATE territories_account SET city = 'mark' WHERE customer_id = :c").param("c", account).update();
		transactions.executeWithoutResult(s -> events.publishEvent(new CustomersImported(0, 0, 3, Set.of(), Set.of(),
				today)));
		ModuleListeners.await(jdbc, "io.rumbo.territories");
		assertThat(snapshot.state().stale()).as("an import that names no account").isTrue();
		realignment.prepare(today);
		assertThat(snapshot.state().stale()).isFalse();
		assertThat(copyRows().get(account)).as("rebuilt from the customers").containsEntry("city", "Sevilla");
		assertThat(copy.rebuild(TwoTeamCompany.ADMIN).accounts()).isEqualTo(copyRows().size());
	}

	@Test
	void thePreviewsPagesMakeTheWholeItsSumsAreTheRowsSumsAndActivationDoesWhatItShowed() {
		String region = "Zona " + company.code;
		String tag = "Pg" + company.code;
		long product = product();
		List<Long> accounts = new ArrayList<>();
		for (int i = 0; i < 11; i++) {
			String name = "Cuenta " + (char) ('K' - i % 7) + i + " " + tag;
			long id = customers.create(TwoTeamCompany.ADMIN, details(name, region, String.valueOf(10000 + i * 2000),
					"Ciudad", PotentialClass.values()[i % 3],
					new BigDecimal(1000 + i * 250), i % 4 == 0 ? pedro : ana)).id();
			accounts.add(id);
			if (i % 3 != 2) {
				order(id, lastYear.start().plusDays(i), product, String.valueOf(i + 1));
			}
		}
		long model = models.create(director, "Paged " + company.code, null, null).id();
		long root = models.addTerritory(director, model, new TerritoryModels.TerritoryDetails(null, "R", "Root", 0,
				null, company.company.id())).id();
		long west = models.addTerritory(director, model, new TerritoryModels.TerritoryDetails(root, "W", "West", 1,
				pedro.id(), null)).id();
		long east = models.addTerritory(director, model, new TerritoryModels.TerritoryDetails(root, "E", "East", 2,
				ana.id(), null)).id();
		models.addRule(director, model, west, models.territory(director, model, west).version(),
				RuleField.POSTAL_CODE, "10000", "19999");
		models.addRule(director, model, east, models.territory(director, model, east).version(),
				RuleField.POSTAL_CODE, "20000", "39999");
		ModuleListeners.await(jdbc, "io.rumbo.territories");

		for (boolean movesOnly : List.of(false, true)) {
			TerritoryAnalysis.Filter filter = new TerritoryAnalysis.Filter(today, movesOnly, tag);
			List<AccountMove> whole = page(director, model, filter, List.of(), 0, ListQuery.MAX_SIZE).accounts()
				.content();
			assertThat(whole).hasSize(movesOnly ? (int) whole.stream().filter(AccountMove::moves).count() : 11);
			for (List<String> sort : List.of(List.of("legalName"), List.of("potential,desc"), List.of("fromOwner"),
					List.of("toOwner,desc", "lastYearNet"), List.of("workloadHours", "lastYearMargin,desc"))) {
				List<AccountMove> sorted = page(director, model, filter, sort, 0, ListQuery.MAX_SIZE).accounts()
					.content();
				List<AccountMove> pages = new ArrayList<>();
				for (int p = 0; p * 4 < sorted.size(); p++) {
					var page = page(director, model, filter, sort, p, 4).accounts();
					assertThat(page.page().totalElements()).isEqualTo(sorted.size());
					pages.addAll(page.content());
				}
				assertThat(pages).as("pages of 4 sorted by %s", sort).isEqualTo(sorted);
				assertThat(sorted).containsExactlyInAnyOrderElementsOf(whole);
				List<AccountMove> exported = new ArrayList<>();
				analysis.each(director, model, filter, ListQuery.of(0, 1, sort, TerritoryAnalysis.SORTS, "legalName")
					.unpaged(), exported::add);
				assertThat(exported).as("the export, sorted by %s", sort).isEqualTo(sorted);
			}
			assertThat(page(director, model, filter, List.of("fromOwner"), 0, 500).accounts().content())
				.extracting(AccountMove::fromOwnerName).isSortedAccordingTo(String::compareTo);
		}
		assertThat(page(director, model, new TerritoryAnalysis.Filter(today, false, "wes"), List.of(), 0, 500)
			.accounts().content()).as("a territory's name finds the accounts going to or coming from it").isNotEmpty()
			.allMatch(r -> r.legalName().toLowerCase(java.util.Locale.ROOT).contains("wes")
					|| "West".equals(r.toTerritoryName()) || "West".equals(r.fromTerritoryName()));
		assertThat(page(director, model, new TerritoryAnalysis.Filter(today, false, "Nombre " + company.code + "P"),
				List.of(), 0, 500).accounts().content()).as("an owner's name finds the accounts from and to Pedro")
			.isNotEmpty()
			.allMatch(r -> pedro.id() == (r.fromOwnerId() == null ? 0 : r.fromOwnerId())
					|| pedro.id() == (r.toOwnerId() == null ? 0 : r.toOwnerId()));

		// The summary and the balance, summed in SQL, against the rows of the whole company as they stand.
		for (CurrentUser reader : List.of(director, manager)) {
			for (boolean movesOnly : List.of(false, true)) {
				var preview = page(reader, model, new TerritoryAnalysis.Filter(today, movesOnly, null), List.of(), 0, 1);
				List<AccountMove> rows = new ArrayList<>();
				analysis.each(reader, model, new TerritoryAnalysis.Filter(today, movesOnly, null),
						new ListQuery(0, ListQuery.UNBOUNDED, List.of()), rows::add);
				assertThat(preview.summary()).as("%s, moves only %s", reader.username(), movesOnly)
					.isEqualTo(summary(rows));
				assertThat(preview.accounts().page().totalElements()).isEqualTo(rows.size());
			}
		}
		List<Alignment.Row> all = alignment.of(model);
		Map<Long, BalanceRow> balance = balances.balance(director, model, BalanceIndex.WORKLOAD, today).stream()
			.collect(Collectors.toMap(BalanceRow::territoryId, Function.identity()));
		Map<Long, Alignment.TerritorySums> summed = TerritoryBalanceTests.sums(all);
		for (long leaf : List.of(west, east)) {
			Alignment.TerritorySums s = summed.get(leaf);
			BalanceRow b = balance.get(leaf);
			assertThat(List.of(b.accounts(), b.classA(), b.classB(), b.classC()))
				.isEqualTo(List.of(s.accounts(), s.classA(), s.classB(), s.classC()));
			assertThat(b.potential()).isEqualByComparingTo(s.potential());
			assertThat(b.workloadHours()).isEqualByComparingTo(s.workloadHours());
			assertThat(b.lastYearNet()).isEqualByComparingTo(s.lastYearNet());
			assertThat(b.lastYearMargin()).isEqualByComparingTo(s.lastYearMargin());
		}

		// Activation does what the preview's pages showed, account by account.
		List<AccountMove> shown = new ArrayList<>();
		TerritoryAnalysis.Filter mine = new TerritoryAnalysis.Filter(today, false, tag);
		for (int p = 0; p < 3; p++) {
			shown.addAll(page(director, model, mine, List.of(), p, 4).accounts().content());
		}
		assertThat(shown).extracting(AccountMove::customerId).containsExactlyInAnyOrderElementsOf(accounts);
		models.activate(director, model, models.get(director, model).version(), today);
		for (AccountMove r : shown) {
			var now = customers.get(director, r.customerId());
			assertThat(now.ownerStaffId()).as(r.legalName()).isEqualTo(r.toOwnerId());
			assertThat(now.unitId()).as(r.legalName()).isEqualTo(r.toUnitId());
		}
	}

	private TerritoryAnalysis.Preview page(CurrentUser reader, long model, TerritoryAnalysis.Filter filter,
			List<String> sort, int page, int size) {
		return analysis.preview(reader, model, filter, ListQuery.of(page, size, sort, TerritoryAnalysis.SORTS,
				"legalName"));
	}

	/** The summary summed over rows in hand: what {@code Alignment.totals} computes in SQL. */
	private static Realignment.Summary summary(List<AccountMove> rows) {
		BigDecimal[] sums = { BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO };
		long moving = 0;
		for (AccountMove r : rows) {
			if (r.moves()) {
				moving++;
				sums[0] = sums[0].add(r.potential());
				sums[1] = sums[1].add(r.workloadHours());
				sums[2] = sums[2].add(r.lastYearNet());
				sums[3] = sums[3].add(r.lastYearMargin());
			}
		}
		Realignment.Summary s = new Realignment.Summary(rows.size(), moving,
				rows.stream().filter(AccountMove::frozen).count(), sums[0], sums[1], sums[2], sums[3]);
		return s;
	}

	/** The copy, one row per account, numbers written plainly (so 100.0000 and 100 compare equal). */
	private Map<Long, Map<String, Object>> copyRows() {
		Map<Long, Map<String, Object>> rows = new LinkedHashMap<>();
		jdbc.sql("SELECT * FROM territories_account ORDER BY customer_id").query().listOfRows().forEach(r -> {
			Map<String, Object> row = new LinkedHashMap<>();
			r.forEach((k, v) -> row.put(k.toLowerCase(java.util.Locale.ROOT), v instanceof BigDecimal d
					? d.stripTrailingZeros().toPlainString() : v instanceof Number n ? n.longValue() : v));
			rows.put((Long) row.get("customer_id"), row);
		});
		return rows;
	}

	private long product() {
		long line = catalog.createLine(TwoTeamCompany.ADMIN, new CatalogManagement.LineDetails("L" + company.code,
				"Línea", "Line", true)).id();
		return catalog.createProduct(TwoTeamCompany.ADMIN, new CatalogManagement.ProductDetails("P" + company.code,
				"Producto", "Product", line, UnitOfMeasure.UNIT, new BigDecimal("20"), true, new BigDecimal("8"),
				LocalDate.of(2000, 1, 1))).id();
	}

	private OrderView order(long customer, LocalDate date, long product, String quantity) {
		return orders.create(TwoTeamCompany.ADMIN, new OrderManagement.OrderDetails(customer, date, null, null,
				List.of(new OrderManagement.NewLine(product, new BigDecimal(quantity), new BigDecimal("20"), null)),
				List.of()));
	}

	private long account(String name, String postalCode, String city, StaffView owner) {
		return customers.create(TwoTeamCompany.ADMIN, details(name + " " + company.code, "Centro", postalCode, city,
				PotentialClass.C, new BigDecimal("5000"), owner)).id();
	}

	private void update(long id, String name, String postalCode, String city, PotentialClass potentialClass,
			StaffView owner) {
		customers.update(TwoTeamCompany.ADMIN, id, customers.get(TwoTeamCompany.ADMIN, id).version(), details(name
				+ " " + company.code, "Centro", postalCode, city, potentialClass, new BigDecimal("5000"), owner, today));
	}

	private CustomerManagement.CustomerDetails details(String name, String region, String postalCode, String city,
			PotentialClass potentialClass, BigDecimal potential, StaffView owner) {
		return details(name, region, postalCode, city, potentialClass, potential, owner, today.minusYears(2));
	}

	private CustomerManagement.CustomerDetails details(String name, String region, String postalCode, String city,
			PotentialClass potentialClass, BigDecimal potential, StaffView owner, LocalDate since) {
		return new CustomerManagement.CustomerDetails(null, name, null, Segment.MID_MARKET, null, CompanySize.SMALL,
				region, null, postalCode, city, potentialClass, potential, CustomerStatus.ACTIVE, owner.id(),
				owner.unitId(), since);
	}
}
