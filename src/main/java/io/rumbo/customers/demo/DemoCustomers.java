package io.rumbo.customers.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.customers.CompanySize;
import io.rumbo.customers.ContactRole;
import io.rumbo.customers.CustomerManagement;
import io.rumbo.customers.CustomerStatus;
import io.rumbo.customers.CustomerView;
import io.rumbo.customers.PotentialClass;
import io.rumbo.customers.Segment;
import io.rumbo.customers.domain.CustomerQueries;
import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.UserManagement;
import io.rumbo.organization.JobRole;
import io.rumbo.organization.StaffManagement;
import io.rumbo.organization.StaffView;
import io.rumbo.shared.DemoMode;
import io.rumbo.shared.web.ListQuery;

/**
 * About 400 customer accounts for the demo company, spread over the salespeople of each region with cities of that
 * region, one or two contacts each, and some ownership changes in the past. A fixed seed keeps every start alike.
 */
@Component
@Order(40)
class DemoCustomers implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoCustomers.class);
	private static final int PER_SALESPERSON = 14;

	private static final List<String> NORTH = List.of("Bilbao", "Barakaldo", "Getxo", "Vitoria-Gasteiz", "San Sebastián",
			"Oviedo", "Gijón", "Avilés", "Santander");
	private static final List<String> CENTRE = List.of("Madrid", "Alcobendas", "Getafe", "Leganés", "Alcalá de Henares",
			"Valladolid", "Burgos", "Salamanca", "Segovia");
	private static final List<String> SOUTH = List.of("Sevilla", "Dos Hermanas", "Jerez de la Frontera", "Cádiz", "Huelva",
			"Málaga", "Marbella", "Córdoba", "Granada");
	private static final List<String> KINDS = List.of("Talleres", "Construcciones", "Clínica", "Gestoría", "Hotel",
			"Transportes", "Distribuciones", "Farmacia", "Academia", "Ingeniería", "Consultora", "Restaurante", "Bodegas",
			"Laboratorios", "Inmobiliaria", "Seguros");
	private static final List<String> NAMES = List.of("Alameda", "Sol", "Mirador", "Norte", "Ribera", "Castillo", "Pinar",
			"Horizonte", "Puerto", "Roble", "Aurora", "Vega", "Cumbre", "Iberia", "Atlántico", "Olivo", "Faro", "Brisa",
			"Camino", "Nogal");
	private static final List<String> SUFFIXES = List.of("S.L.", "S.A.", "S.L.U.", "y Asociados S.L.", "S.Coop.");
	private static final List<String> INDUSTRIES = List.of("Industria", "Construcción", "Sanidad", "Servicios profesionales",
			"Hostelería", "Logística", "Comercio", "Educación", "Alimentación", "Seguros");
	private static final List<String> FIRST = List.of("María", "José", "Carmen", "Antonio", "Laura", "David", "Ana",
			"Javier", "Marta", "Francisco", "Lucía", "Manuel", "Paula", "Carlos", "Elena", "Miguel");
	private static final List<String> LAST = List.of("García", "Martínez", "López", "Sánchez", "Pérez", "Gómez", "Martín",
			"Jiménez", "Ruiz", "Hernández", "Díaz", "Moreno", "Álvarez", "Romero", "Navarro", "Torres");

	private final DemoMode demo;
	private final CustomerManagement customers;
	private final StaffManagement staff;
	private final UserManagement users;
	private final Clock clock;

	DemoCustomers(DemoMode demo, CustomerManagement customers, StaffManagement staff, UserManagement users, Clock clock) {
		this.demo = demo;
		this.customers = customers;
		this.staff = staff;
		this.users = users;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		CurrentUser admin = users.actAs("admin").orElse(null);
		if (!demo.enabled() || admin == null) {
			return;
		}
		if (customers.list(admin, new CustomerManagement.Filter(null, null, null, null, null, null, true),
				ListQuery.of(0, 1, null, CustomerQueries.SORTS, "legalName")).page().totalElements() > 0) {
			return;
		}
		List<StaffView> sellers = staff.list(admin, new StaffManagement.StaffFilter(null, null, null, null, false, null),
				ListQuery.of(0, 500, List.of("employeeNumber"), StaffManagement.SORTS, "employeeNumber"))
			.content()
			.stream()
			.filter(s -> s.jobRole() == JobRole.SALESPERSON || s.jobRole() == JobRole.KEY_ACCOUNT_MANAGER
					|| s.jobRole() == JobRole.AGENT)
			.toList();
		Random random = new Random(20261126L);
		LocalDate today = LocalDate.now(clock);
		int created = 0;
		for (StaffView seller : sellers) {
			List<String> cities = citiesOf(seller.unitCode());
			for (int i = 0; i < PER_SALESPERSON; i++) {
				created++;
				String city = cities.get(random.nextInt(cities.size()));
				String kind = KINDS.get(random.nextInt(KINDS.size()));
				boolean publicSector = random.nextInt(20) == 0;
				String legalName = publicSector ? "Ayuntamiento de " + city + (created % 3 == 0 ? " (Servicios)" : "")
						: kind + " " + NAMES.get(random.nextInt(NAMES.size())) + " " + SUFFIXES.get(random.nextInt(SUFFIXES.size()));
				CompanySize size = CompanySize.values()[Math.min(3, random.nextInt(5))];
				PotentialClass potential = size == CompanySize.LARGE || random.nextInt(6) == 0 ? PotentialClass.A
						: random.nextBoolean() ? PotentialClass.B : PotentialClass.C;
				BigDecimal annual = BigDecimal.valueOf(switch (potential) {
					case A -> 80_000 + random.nextInt(220_000);
					case B -> 20_000 + random.nextInt(60_000);
					case C -> 2_000 + random.nextInt(18_000);
				});
				CustomerStatus status = random.nextInt(10) < 7 ? CustomerStatus.ACTIVE
						: random.nextBoolean() ? CustomerStatus.PROSPECT : CustomerStatus.DORMANT;
				LocalDate since = today.minusMonths(30 + random.nextInt(24)).withDayOfMonth(1);
				CustomerView customer = customers.create(admin, new CustomerManagement.CustomerDetails(
						String.format("CLI-%05d", created), legalName, String.format("B%08d", 10_000_000 + created * 37),
						publicSector ? Segment.PUBLIC_SECTOR : segmentOf(size), INDUSTRIES.get(random.nextInt(INDUSTRIES.size())),
						size, regionOf(seller.unitCode()), "Calle " + NAMES.get(random.nextInt(NAMES.size())) + ", "
								+ (1 + random.nextInt(120)),
						String.format("%05d", 1000 + random.nextInt(50000)), city, potential, annual, status, seller.id(),
						null, since));
				if (created % 10 == 0) {
					handOver(admin, customer, sellers, today.minusMonths(6).withDayOfMonth(1));
				}
				int contacts = 1 + random.nextInt(2);
				for (int c = 0; c < contacts; c++) {
					String first = FIRST.get(random.nextInt(FIRST.size()));
					String last = LAST.get(random.nextInt(LAST.size())) + " " + LAST.get(random.nextInt(LAST.size()));
					customers.addContact(admin, customer.id(), new CustomerManagement.ContactDetails(null,
							first + " " + last, c == 0 ? "Director de compras" : "Responsable de administración",
							c == 0 ? ContactRole.BUYER : ContactRole.FINANCE,
							DemoText.slug(first) + "." + DemoText.slug(last.split(" ")[0]) + "@cliente" + created + ".example",
							String.format("+34 9%02d %03d %03d", random.nextInt(100), random.nextInt(1000), random.nextInt(1000)),
							c == 0));
				}
			}
		}
		log.info("Loaded the demo customers: {} accounts", created);
	}

	/** Gives the account to a colleague in the same unit, as when a territory is rebalanced. */
	private void handOver(CurrentUser admin, CustomerView customer, List<StaffView> sellers, LocalDate effective) {
		sellers.stream()
			.filter(s -> s.unitId() == customer.unitId() && s.id() != customer.ownerStaffId())
			.findFirst()
			.ifPresent(colleague -> customers.update(admin, customer.id(), customer.version(),
					new CustomerManagement.CustomerDetails(customer.externalId(), customer.legalName(), customer.taxId(),
							customer.segment(), customer.industry(), customer.companySize(), customer.region(),
							customer.address(), customer.postalCode(), customer.city(), customer.potentialClass(),
							customer.annualPotential(), customer.status(), colleague.id(), null, effective)));
	}

	private static Segment segmentOf(CompanySize size) {
		return switch (size) {
			case LARGE -> Segment.ENTERPRISE;
			case MEDIUM -> Segment.MID_MARKET;
			default -> Segment.SMALL_BUSINESS;
		};
	}

	/** Demo unit codes name their city: Madrid and Valladolid are in the centre, Bilbao and Oviedo in the north. */
	private static List<String> citiesOf(String unitCode) {
		if (unitCode.contains("MAD") || unitCode.contains("VLL") || unitCode.contains("CENTRO")) {
			return CENTRE;
		}
		if (unitCode.contains("BIO") || unitCode.contains("OVI") || unitCode.contains("NORTE")) {
			return NORTH;
		}
		return SOUTH;
	}

	private static String regionOf(String unitCode) {
		List<String> cities = citiesOf(unitCode);
		return cities == NORTH ? "Norte" : cities == SOUTH ? "Sur" : "Centro";
	}

	/** Plain-ASCII e-mail parts from names with accents. */
	static final class DemoText {

		private DemoText() {
		}

		static String slug(String text) {
			return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD)
				.replaceAll("\\p{M}", "")
				.toLowerCase(java.util.Locale.ROOT)
				.replaceAll("[^a-z0-9]+", "");
		}
	}
}
