package io.rumbo.organization.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.text.Normalizer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.identity.UserId;
import io.rumbo.identity.UserManagement;
import io.rumbo.organization.JobRole;
import io.rumbo.organization.OrgUnitKind;
import io.rumbo.organization.OrgUnitManagement;
import io.rumbo.organization.OrgUnitView;
import io.rumbo.organization.StaffManagement;
import io.rumbo.organization.StaffStatus;
import io.rumbo.organization.StaffView;
import io.rumbo.organization.domain.OrgUnitRepository;
import io.rumbo.shared.DemoMode;

/**
 * Loads the fictional company "Distribuciones Alba" into an empty database in demo mode: a director, three
 * regions with two branches each, one or two teams per branch, about thirty salespeople with their managers,
 * planned positions, and two past moves so that the org chart for an earlier date differs from today's.
 * Demo users sign in with the password {@code demo}.
 */
@Component
@Order(20)
class DemoCompany implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoCompany.class);
	static final String PASSWORD = "demo";

	private final DemoMode demo;
	private final UserManagement users;
	private final OrgUnitManagement units;
	private final StaffManagement staff;
	private final OrgUnitRepository unitRepository;
	private final Clock clock;

	DemoCompany(DemoMode demo, UserManagement users, OrgUnitManagement units, StaffManagement staff,
			OrgUnitRepository unitRepository, Clock clock) {
		this.demo = demo;
		this.users = users;
		this.units = units;
		this.staff = staff;
		this.unitRepository = unitRepository;
		this.clock = clock;
	}

	private record Team(String code, String name, String location, String leader, String[] reps) {
	}

	private record Branch(String code, String name, String location, String manager, List<Team> teams) {
	}

	private record Region(String code, String name, String location, String manager, List<Branch> branches) {
	}

	private static final List<Region> REGIONS = List.of(
			new Region("R-NORTE", "Región Norte", "Bilbao", "Iñaki Etxeberria Goikoetxea", List.of(
					new Branch("S-BIO", "Sucursal Bilbao", "Bilbao", "Amaia Urrutia Larrañaga", List.of(
							new Team("E-BIO-IND", "Equipo Bilbao Industria", "Bilbao", "Koldo Arrieta Zubiri",
									new String[] { "Ane Goñi Olazabal", "Mikel Ibarra Sagasti", "Nerea Aguirre Otxoa" }),
							new Team("E-BIO-RET", "Equipo Bilbao Retail", "Barakaldo", "Itziar Mendizabal Ugarte",
									new String[] { "Unai Lasa Beitia", "Leire Ortiz de Zárate" }))),
					new Branch("S-OVI", "Sucursal Oviedo", "Oviedo", "Covadonga Fernández Álvarez", List.of(
							new Team("E-OVI", "Equipo Asturias", "Oviedo", "Pelayo Menéndez Suárez",
									new String[] { "Xuan Rodríguez Llaneza", "Marta Prieto Cuesta", "Adrián Alonso Solís" }))))),
			new Region("R-CENTRO", "Región Centro", "Madrid", "Javier Moreno Díaz", List.of(
					new Branch("S-MAD", "Sucursal Madrid", "Madrid", "Beatriz Sánchez Ortega", List.of(
							new Team("E-MAD-NOR", "Equipo Madrid Norte", "Alcobendas", "Raúl Gómez Herrero",
									new String[] { "Lucía García Martín", "Pablo Romero Castillo", "Elena Vázquez Gil",
											"Sergio Navarro Pastor" }),
							new Team("E-MAD-SUR", "Equipo Madrid Sur", "Getafe", "Marina Torres Iglesias",
									new String[] { "Diego Ruiz Molina", "Sara Delgado Rubio", "Hugo Serrano Calvo" }))),
					new Branch("S-VLL", "Sucursal Valladolid", "Valladolid", "Gonzalo Herrera Cano", List.of(
							new Team("E-VLL", "Equipo Castilla", "Valladolid", "Inés Pascual Garrido",
									new String[] { "Álvaro Martín Crespo", "Noelia Santos Vidal", "Rubén Lorenzo Méndez" }))))),
			new Region("R-SUR", "Región Sur", "Sevilla", "Rocío Jiménez Morales", List.of(
					new Branch("S-SVQ", "Sucursal Sevilla", "Sevilla", "Manuel Domínguez Reyes", List.of(
							new Team("E-SVQ-CAP", "Equipo Sevilla Capital", "Sevilla", "Macarena Ruiz Benítez",
									new String[] { "Antonio Vega Márquez", "Carmen Romero Caballero", "José Luis Muñoz Prieto" }),
							new Team("E-SVQ-PRO", "Equipo Sevilla Provincia", "Dos Hermanas", "Francisco Blanco León",
									new String[] { "Rosario Medina Ramos", "Juan Carlos Cortés Soto" }))),
					new Branch("S-AGP", "Sucursal Málaga", "Málaga", "Isabel Moreno Sanz", List.of(
							new Team("E-AGP", "Equipo Costa del Sol", "Marbella", "Alejandro Castro Peña",
									new String[] { "Laura Gallego Fuentes", "Daniel Ortega Rey", "Cristina Núñez Hidalgo",
											"Javier Sáez Arroyo" }))))));

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (!demo.enabled() || unitRepository.count() > 0 || users.anyUserExists()) {
			return;
		}
		LocalDate today = LocalDate.now(clock);
		LocalDate founded = today.minusYears(6).withDayOfYear(1);
		Map<String, UserId> accounts = users.provision(List.of(
				new UserManagement.NewUser("admin", "Administrador Rumbo", "admin@alba.example", PASSWORD, Set.of(Role.ADMIN))),
				PASSWORD);
		CurrentUser admin = new CurrentUser(accounts.get("admin"), "admin", "Administrador Rumbo", Set.of(Role.ADMIN));

		List<UserManagement.NewUser> people = new ArrayList<>();
		Counter numbers = new Counter();
		OrgUnitView company = units.create(admin, new OrgUnitManagement.UnitDetails("ALBA", "Distribuciones Alba S.A.",
				OrgUnitKind.COMPANY, "Madrid", null, null, founded, null));
		StaffView director = hire(admin, numbers, "Carmen Navarro Ruiz", company.id(), JobRole.SALES_DIRECTOR, 5, founded);
		lead(admin, company, director);
		people.add(account("director", director, Set.of(Role.DIRECTOR)));

		Map<String, OrgUnitView> teamsByCode = new LinkedHashMap<>();
		for (Region region : REGIONS) {
			OrgUnitView r = units.create(admin, new OrgUnitManagement.UnitDetails(region.code(), region.name(),
					OrgUnitKind.REGION, region.location(), company.id(), null, founded, null));
			StaffView regionManager = hire(admin, numbers, region.manager(), r.id(), JobRole.REGIONAL_MANAGER, 5, founded);
			lead(admin, r, regionManager);
			people.add(account(region.code().equals("R-CENTRO") ? "manager" : username(regionManager), regionManager,
					Set.of(Role.MANAGER)));
			units.planPosition(admin, r.id(), JobRole.REGIONAL_MANAGER, 1);
			for (Branch branch : region.branches()) {
				OrgUnitView b = units.create(admin, new OrgUnitManagement.UnitDetails(branch.code(), branch.name(),
						OrgUnitKind.BRANCH, branch.location(), r.id(), null, founded.plusMonths(3), null));
				StaffView branchManager = hire(admin, numbers, branch.manager(), b.id(), JobRole.BRANCH_MANAGER, 4,
						founded.plusMonths(3));
				lead(admin, b, branchManager);
				people.add(account(username(branchManager), branchManager, Set.of(Role.MANAGER)));
				units.planPosition(admin, b.id(), JobRole.BRANCH_MANAGER, 1);
				for (Team team : branch.teams()) {
					OrgUnitView t = units.create(admin, new OrgUnitManagement.UnitDetails(team.code(), team.name(),
							OrgUnitKind.TEAM, team.location(), b.id(), null, founded.plusMonths(6), null));
					teamsByCode.put(team.code(), t);
					StaffView leader = hire(admin, numbers, team.leader(), t.id(), JobRole.TEAM_LEADER, 4,
							founded.plusMonths(6 + numbers.value % 12));
					lead(admin, t, leader);
					people.add(account(username(leader), leader, Set.of(Role.MANAGER)));
					units.planPosition(admin, t.id(), JobRole.TEAM_LEADER, 1);
					// One more salesperson planned than hired in every other team, so vacancies show.
					units.planPosition(admin, t.id(), JobRole.SALESPERSON, team.reps().length + (numbers.value % 2));
					for (String rep : team.reps()) {
						int level = 1 + numbers.value % 5;
						StaffView person = hire(admin, numbers, rep, t.id(), JobRole.SALESPERSON, level,
								founded.plusMonths(6 + (numbers.value * 7) % 60));
						boolean isDemoRep = rep.equals("Lucía García Martín");
						people.add(account(isDemoRep ? "rep" : username(person), person, Set.of(Role.REP)));
					}
				}
			}
		}
		// A key account manager and a distributor, so the tree shows the other unit kinds.
		OrgUnitView distributor = units.create(admin, new OrgUnitManagement.UnitDetails("D-CANARIAS",
				"Distribuidor Canarias Atlántico", OrgUnitKind.DISTRIBUTOR, "Las Palmas de Gran Canaria",
				teamsByCode.get("E-SVQ-CAP").id(), null, founded.plusYears(2), null));
		hire(admin, numbers, "Yeray Santana Suárez", distributor.id(), JobRole.AGENT, 3, founded.plusYears(2));
		StaffView kam = hire(admin, numbers, "Patricia León Carrasco", teamsByCode.get("E-MAD-NOR").id(),
				JobRole.KEY_ACCOUNT_MANAGER, 5, founded.plusYears(1));
		people.add(account(username(kam), kam, Set.of(Role.REP)));
		StaffView onLeave = staff.list(admin, new StaffManagement.StaffFilter("Elena Vázquez", null, null, null, false, null),
				io.rumbo.shared.web.ListQuery.of(0, 1, null, io.rumbo.organization.domain.OrgQueries.STAFF_SORTS, "lastName"))
			.content()
			.get(0);
		staff.update(admin, onLeave.id(), onLeave.version(), details(onLeave, onLeave.unitId(), StaffStatus.ON_LEAVE, null));

		// History: a salesperson moved from Valladolid to Madrid Sur, and the distributor moved under the
		// Málaga team, both some months ago; the org chart of an earlier date shows where they were.
		LocalDate moved = today.minusMonths(4).withDayOfMonth(1);
		StaffView mover = staff.list(admin, new StaffManagement.StaffFilter("Rubén Lorenzo", null, null, null, false, null),
				io.rumbo.shared.web.ListQuery.of(0, 1, null, io.rumbo.organization.domain.OrgQueries.STAFF_SORTS, "lastName"))
			.content()
			.get(0);
		staff.update(admin, mover.id(), mover.version(),
				details(mover, teamsByCode.get("E-MAD-SUR").id(), mover.status(), moved));
		OrgUnitView d = units.get(admin, distributor.id(), null);
		units.update(admin, d.id(), d.version(), new OrgUnitManagement.UnitDetails(d.code(), d.name(), d.kind(),
				d.location(), teamsByCode.get("E-AGP").id(), d.managerStaffId(), null, moved));

		Map<String, UserId> created = users.provision(people, PASSWORD);
		for (UserManagement.NewUser account : people) {
			StaffView person = staff.list(admin, new StaffManagement.StaffFilter(account.email(), null, null, null, false,
					null), io.rumbo.shared.web.ListQuery.of(0, 1, null, io.rumbo.organization.domain.OrgQueries.STAFF_SORTS,
							"lastName"))
				.content()
				.get(0);
			staff.update(admin, person.id(), person.version(), new StaffManagement.StaffDetails(person.employeeNumber(),
					person.firstName(), person.lastName(), person.email(), person.phone(), person.hireDate(),
					person.unitId(), person.jobRole(), person.status(), person.qualificationLevel(),
					created.get(account.username()).value(), null));
		}
		log.info("Loaded the demo company: {} people, {} user accounts (password '{}')", numbers.value,
				created.size() + 1, PASSWORD);
	}

	private static StaffManagement.StaffDetails details(StaffView s, long unitId, StaffStatus status,
			LocalDate effective) {
		return new StaffManagement.StaffDetails(s.employeeNumber(), s.firstName(), s.lastName(), s.email(), s.phone(),
				s.hireDate(), unitId, s.jobRole(), status, s.qualificationLevel(), s.userId(), effective);
	}

	private void lead(CurrentUser admin, OrgUnitView unit, StaffView manager) {
		OrgUnitView current = units.get(admin, unit.id(), null);
		// The manager has led the unit since it was founded, so past-date views show them too.
		units.update(admin, unit.id(), current.version(), new OrgUnitManagement.UnitDetails(current.code(),
				current.name(), current.kind(), current.location(), current.parentId(), manager.id(), null,
				current.validFrom()));
	}

	private StaffView hire(CurrentUser admin, Counter numbers, String fullName, long unitId, JobRole role, int level,
			LocalDate hired) {
		numbers.value++;
		int space = fullName.indexOf(' ');
		String first = fullName.substring(0, space);
		String last = fullName.substring(space + 1);
		if (first.equals("José") || first.equals("Juan")) {
			int second = fullName.indexOf(' ', space + 1);
			first = fullName.substring(0, second);
			last = fullName.substring(second + 1);
		}
		String email = slug(first) + "." + slug(last.split(" ")[0]) + "@alba.example";
		return staff.create(admin, new StaffManagement.StaffDetails(String.format("E%04d", numbers.value), first, last,
				email, String.format("+34 6%02d %03d %03d", numbers.value, 100 + numbers.value * 7 % 900,
						200 + numbers.value * 13 % 800),
				hired, unitId, role, StaffStatus.ACTIVE, level, null, null));
	}

	private static UserManagement.NewUser account(String username, StaffView person, Set<Role> roles) {
		// The e-mail doubles as the key to find the person again once the accounts exist.
		return new UserManagement.NewUser(username, person.fullName(), person.email(), PASSWORD, roles);
	}

	private static String username(StaffView person) {
		return person.email().substring(0, person.email().indexOf('@'));
	}

	static String slug(String text) {
		String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
		return plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "");
	}

	private static final class Counter {
		int value;
	}
}
