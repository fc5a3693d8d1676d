package io.rumbo.territories;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.support.TransactionTemplate;

import io.rumbo.customers.CompanySize;
import io.rumbo.customers.CustomerManagement;
import io.rumbo.customers.CustomerOwnerChanged;
import io.rumbo.customers.CustomerStatus;
import io.rumbo.customers.PotentialClass;
import io.rumbo.customers.Segment;
import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.identity.UserManagement;
import io.rumbo.organization.JobRole;
import io.rumbo.organization.OrgUnitManagement;
import io.rumbo.organization.StaffId;
import io.rumbo.organization.StaffManagement;
import io.rumbo.organization.StaffView;
import io.rumbo.organization.UnitId;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.support.CleanDatabase;
import io.rumbo.support.DatabaseAvailability;
import io.rumbo.support.ModuleListeners;
import io.rumbo.support.ModuleTestDatabase;
import io.rumbo.support.TwoTeamCompany;
import io.rumbo.territories.domain.TerritoryModelRepository;

/**
 * Activation streams the alignment and writes it a chunk at a time: with a chunk of two, far fewer than the accounts
 * that move, it does exactly what the preview showed (owners and units, one open period per placed account and none
 * for the others, the model before closed on the date, one audit entry and one {@code CustomerOwnerChanged} per account
 * that moves, one {@code TerritoryModelActivated} with the preview's count), on a database of the module's own. The
 * model before was active, so the statement's {@code from} columns read open periods while the activation writes.
 */
@Tag("db")
@ExtendWith(DatabaseAvailability.class)
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@Import(CleanDatabase.class)
@RecordApplicationEvents
class ChunkedActivationTests {

	private static final int CHUNK = 2;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		ModuleTestDatabase.register(registry, "territories_chunks");
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
	TerritoryModels models;

	@Autowired
	TerritoryModelRepository modelRows;

	@Autowired
	TerritoryAnalysis analysis;

	@Autowired
	FrozenAccounts frozen;

	@Autowired
	Realignment realignment;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	Clock clock;

	@Autowired
	ApplicationEvents published;

	@Test
	void anActivationInChunksSmallerThanTheMovesDoesWhatThePreviewShowed() {
		LocalDate today = LocalDate.now(clock);
		TwoTeamCompany company = new TwoTeamCompany(units, staff, users, "K");
		CurrentUser director = company.account("dir", Role.DIRECTOR);
		StaffView ana = company.person("A", company.team1, JobRole.SALESPERSON, company.account("ana", Role.REP));
		StaffView pedro = company.person("P", company.team2, JobRole.SALESPERSON,
				company.account("pedro", Role.REP));
		Map<String, Long> accounts = new HashMap<>();
		for (String code : List.of("11000", "12000", "13000", "14000", "15000", "21000", "22000", "23000", "27000",
				"35000")) {
			accounts.put(code, customers.create(TwoTeamCompany.ADMIN, new CustomerManagement.CustomerDetails(null,
					"Cuenta " + code + " " + company.code, null, Segment.MID_MARKET, null, CompanySize.SMALL, null,
					null, code, null, PotentialClass.B, new BigDecimal("1000"), CustomerStatus.ACTIVE, ana.id(),
					company.team1.id(), today.minusYears(1))).id());
		}
		ModuleListeners.await(jdbc, "io.rumbo.territories");

		// The model before: 1xxxx to Pedro, 2xxxx to Ana; activated the usual way (one chunk).
		Model first = model(director, "first " + company.code, company, pedro, ana, "29999");
		models.activate(director, first.id, models.get(director, first.id).version(), today);
		ModuleListeners.await(jdbc, "io.rumbo.territories");

		// The model now: 1xxxx to Ana, 20000..24999 to Pedro (27000 in no territory), 35000 named into the west,
		// 13000 frozen with Pedro (it sits in his territory, the east).
		Model second = model(director, "second " + company.code, company, ana, pedro, "24999");
		models.nameAccount(director, second.id, second.west,
				models.territory(director, second.id, second.west).version(), accounts.get("35000"),
				NamedMode.INCLUDE);
		frozen.freeze(director, accounts.get("13000"), "Key account");
		ModuleListeners.await(jdbc, "io.rumbo.territories");

		TerritoryAnalysis.Filter all = new TerritoryAnalysis.Filter(today, false, null);
		List<AccountMove> preview = new ArrayList<>();
		analysis.each(director, second.id, all, new ListQuery(0, ListQuery.UNBOUNDED, List.of()), preview::add);
		Realignment.Summary summary = analysis.preview(director, second.id, all, new ListQuery(0, 1, List.of()))
			.summary();
		List<AccountMove> moving = preview.stream().filter(AccountMove::moves).toList();
		assertThat(preview).extracting(AccountMove::customerId).containsAll(accounts.values());
		assertThat(moving).as("four chunks of moves, the last one short").hasSize(7);
		assertThat(summary.moving()).isEqualTo(moving.size());
		assertThat(preview.stream().filter(r -> r.customerId() == accounts.get("13000")).findFirst().orElseThrow())
			.satisfies(r -> {
				assertThat(r.frozen()).isTrue();
				assertThat(r.toTerritoryId()).isEqualTo(second.east);
				assertThat(r.fromTerritoryId()).as("read from the model before's open period").isEqualTo(first.west);
			});
		assertThat(preview.stream().filter(r -> r.customerId() == accounts.get("27000")).findFirst().orElseThrow()
			.toTerritoryId()).isNull();

		published.clear();
		int moved = transactions.execute(s -> realignment.activateOn(director.username(),
				modelRows.findById(second.id).orElseThrow(), today, CHUNK));

		assertThat(moved).isEqualTo(summary.moving());
		for (AccountMove r : preview) {
			var now = customers.get(director, r.customerId());
			assertThat(now.ownerStaffId()).as(r.legalName()).isEqualTo(r.toOwnerId());
			assertThat(now.unitId()).as(r.legalName()).isEqualTo(r.toUnitId());
		}

		Map<Long, List<Object>> expected = preview.stream().filter(r -> r.toTerritoryId() != null)
			.collect(Collectors.toMap(AccountMove::customerId, r -> List.<Object>of(r.toTerritoryId(), second.id,
					r.toOwnerId(), r.toUnitId(), today)));
		Map<Long, List<Object>> open = new HashMap<>();
		jdbc.sql("SELECT customer_id, territory_id, model_id, owner_staff_id, unit_id, valid_from"
				+ " FROM territories_account_period WHERE valid_to IS NULL").query(rs -> {
					assertThat(open.put(rs.getLong(1), List.of(rs.getLong(2), rs.getLong(3), rs.getLong(4),
							rs.getLong(5), rs.getObject(6, LocalDate.class)))).as("one open period an account").isNull();
				});
		assertThat(open).as("every placed account's period, and no other open one").isEqualTo(expected);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM territories_account_period WHERE model_id = :m AND"
				+ " (valid_to IS NULL OR valid_to <> :d)").param("m", first.id).param("d", today).query(Long.class)
			.single()).as("the model before ends on the date (its periods began the same day: they end empty)")
			.isZero();

		assertThat(realigned(second.name)).as("one audit entry per account that moves")
			.containsExactlyInAnyOrderElementsOf(moving.stream().map(r -> String.valueOf(r.customerId())).toList());
		assertThat(published.stream(CustomerOwnerChanged.class).map(e -> List.of(e.customer().value(),
				e.toOwner() == null ? 0L : e.toOwner().value(), e.toUnit().value())).toList())
			.as("one owner change per account that moves, in the preview's order")
			.containsExactlyElementsOf(moving.stream().map(r -> List.of(r.customerId(),
					r.toOwnerId() == null ? 0L : r.toOwnerId(), r.toUnitId())).toList());
		Set<StaffId> owners = new HashSet<>();
		Set<UnitId> touched = new HashSet<>();
		for (AccountMove r : moving) {
			owners.add(StaffId.of(r.fromOwnerId()));
			owners.add(StaffId.of(r.toOwnerId()));
			touched.add(UnitId.of(r.fromUnitId()));
			touched.add(UnitId.of(r.toUnitId()));
		}
		assertThat(published.stream(TerritoryModelActivated.class).toList()).singleElement().satisfies(e -> {
			assertThat(e.model().value()).isEqualTo(second.id);
			assertThat(e.replaced().value()).isEqualTo(first.id);
			assertThat(e.movedAccounts()).isEqualTo(moving.size());
			assertThat(e.owners()).isEqualTo(owners);
			assertThat(e.units()).isEqualTo(touched);
		});
		assertThat(models.get(director, second.id).status()).isEqualTo(ModelStatus.ACTIVE);
		assertThat(models.get(director, first.id).status()).isEqualTo(ModelStatus.HISTORY);
	}

	private record Model(long id, String name, long west, long east) {
	}

	/** West (1xxxx) to {@code westOwner}, East (20000..{@code eastTo}) to {@code eastOwner}, under the company. */
	private Model model(CurrentUser director, String name, TwoTeamCompany company, StaffView westOwner,
			StaffView eastOwner, String eastTo) {
		long id = models.create(director, name, null, null).id();
		long root = models.addTerritory(director, id, new TerritoryModels.TerritoryDetails(null, "R", "Root", 0, null,
				company.company.id())).id();
		long west = models.addTerritory(director, id, new TerritoryModels.TerritoryDetails(root, "W", "West", 1,
				westOwner.id(), null)).id();
		long east = models.addTerritory(director, id, new TerritoryModels.TerritoryDetails(root, "E", "East", 2,
				eastOwner.id(), null)).id();
		models.addRule(director, id, west, models.territory(director, id, west).version(), RuleField.POSTAL_CODE,
				"10000", "19999");
		models.addRule(director, id, east, models.territory(director, id, east).version(), RuleField.POSTAL_CODE,
				"20000", eastTo);
		return new Model(id, name, west, east);
	}

	/** The customers audited as realigned by the model of this name. */
	private List<String> realigned(String modelName) {
		return jdbc.sql("SELECT entity_id FROM identity_audit_event WHERE entity_type = 'CUSTOMER'"
				+ " AND action = 'REALIGN' AND summary = :s").param("s", modelName).query(String.class).list();
	}
}
