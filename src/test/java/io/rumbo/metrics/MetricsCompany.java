package io.rumbo.metrics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.rumbo.catalog.CatalogManagement;
import io.rumbo.catalog.ProductLineView;
import io.rumbo.catalog.UnitOfMeasure;
import io.rumbo.customers.CompanySize;
import io.rumbo.customers.CustomerManagement;
import io.rumbo.customers.CustomerStatus;
import io.rumbo.customers.PotentialClass;
import io.rumbo.customers.Segment;
import io.rumbo.organization.JobRole;
import io.rumbo.organization.OrgUnitKind;
import io.rumbo.organization.OrgUnitManagement;
import io.rumbo.organization.OrgUnitView;
import io.rumbo.organization.StaffManagement;
import io.rumbo.organization.StaffStatus;

/**
 * A small company of a metrics test's own, made through the real facades: a company unit with two teams of three
 * people, eight accounts, four product lines with a product each.
 *
 * @param company the company unit, parent of the two teams
 * @param people three people in team A, then three in team B
 * @param products one product of each of the four {@code lines}
 */
record MetricsCompany(long company, List<MetricsTestData.Person> people, List<Long> accounts, List<Long> products,
		List<Long> lines) {

	static final LocalDate FOUNDED = LocalDate.of(2000, 1, 1);

	static MetricsCompany create(OrgUnitManagement units, StaffManagement staff, CustomerManagement customers,
			CatalogManagement catalog) {
		String code = "M" + System.nanoTime() % 1_000_000_000;
		long company = units.create(MetricsModuleTests.ADMIN, new OrgUnitManagement.UnitDetails(code, code,
				OrgUnitKind.COMPANY, null, null, null, FOUNDED, null)).id();
		List<MetricsTestData.Person> people = new ArrayList<>();
		for (String team : List.of("A", "B")) {
			OrgUnitView unit = units.create(MetricsModuleTests.ADMIN, new OrgUnitManagement.UnitDetails(code + team,
					code + team, OrgUnitKind.TEAM, null, company, null, FOUNDED, null));
			for (int i = 1; i <= 3; i++) {
				String number = code + team + i;
				long id = staff.create(MetricsModuleTests.ADMIN, new StaffManagement.StaffDetails(number, "Eva",
						"Vendedora " + number, null, null, FOUNDED, unit.id(), JobRole.SALESPERSON, StaffStatus.ACTIVE, 3,
						null, null)).id();
				people.add(new MetricsTestData.Person(id, unit.id()));
			}
		}
		List<Long> accounts = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			accounts.add(customers.create(MetricsModuleTests.ADMIN, new CustomerManagement.CustomerDetails(null,
					"Cliente " + code + "-" + i, null, Segment.SMALL_BUSINESS, null, CompanySize.SMALL, null, null, null,
					null, PotentialClass.B, null, CustomerStatus.ACTIVE, people.get(i % people.size()).staff(), null,
					FOUNDED)).id());
		}
		List<Long> products = new ArrayList<>();
		List<Long> lines = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			ProductLineView line = catalog.createLine(MetricsModuleTests.ADMIN, new CatalogManagement.LineDetails(
					"L" + code + i, "Línea " + i, "Line " + i, true));
			lines.add(line.id());
			products.add(catalog.createProduct(MetricsModuleTests.ADMIN, new CatalogManagement.ProductDetails(
					"P" + code + i, "Producto", "Product", line.id(), UnitOfMeasure.UNIT, new BigDecimal("20"), true,
					new BigDecimal("8"), FOUNDED)).id());
		}
		return new MetricsCompany(company, people, accounts, products, lines);
	}
}
