package io.rumbo.customers.imports;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.rumbo.customers.CompanySize;
import io.rumbo.customers.CustomerManagement;
import io.rumbo.customers.CustomerStatus;
import io.rumbo.customers.CustomerView;
import io.rumbo.customers.PotentialClass;
import io.rumbo.customers.Segment;
import io.rumbo.identity.CurrentUser;
import io.rumbo.imports.ImportColumn;
import io.rumbo.imports.ImportCounts;
import io.rumbo.imports.ImportRow;
import io.rumbo.imports.ImportRows;
import io.rumbo.imports.Importer;
import io.rumbo.organization.OrgDirectory;

/**
 * Customer accounts by external id. The owner is an employee number and the unit a unit code; without a unit the
 * account belongs to its owner's unit. The same scope rules as the form apply: a manager assigns within their
 * subtree, a salesperson imports accounts they own.
 */
@Component
class CustomerImporter implements Importer {

	private static final List<ImportColumn> COLUMNS = List.of(ImportColumn.required("external_id"),
			ImportColumn.required("legal_name"), ImportColumn.optional("tax_id"), ImportColumn.required("segment"),
			ImportColumn.optional("industry"), ImportColumn.required("company_size"), ImportColumn.optional("region"),
			ImportColumn.optional("address"), ImportColumn.optional("postal_code"), ImportColumn.optional("city"),
			ImportColumn.required("potential_class"), ImportColumn.optional("annual_potential"),
			ImportColumn.required("status"), ImportColumn.optional("owner"), ImportColumn.optional("unit"));

	static final Map<String, String> FIELDS = Map.ofEntries(Map.entry("externalId", "external_id"),
			Map.entry("legalName", "legal_name"), Map.entry("taxId", "tax_id"), Map.entry("annualPotential",
					"annual_potential"), Map.entry("ownerStaffId", "owner"), Map.entry("unitId", "unit"),
			Map.entry("postalCode", "postal_code"), Map.entry("companySize", "company_size"),
			Map.entry("potentialClass", "potential_class"));

	private record Parsed(ImportRow row, CustomerManagement.CustomerDetails details) {
	}

	private final CustomerManagement customers;
	private final OrgDirectory org;

	CustomerImporter(CustomerManagement customers, OrgDirectory org) {
		this.customers = customers;
		this.org = org;
	}

	@Override
	public String kind() {
		return "customers";
	}

	@Override
	public List<ImportColumn> columns() {
		return COLUMNS;
	}

	@Override
	public boolean mayImport(CurrentUser actor) {
		return CustomerManagement.mayCreate(actor);
	}

	@Override
	public ImportCounts load(CurrentUser actor, ImportRows rows) {
		Map<String, OrgDirectory.StaffSummary> staff = org.staffByNumber();
		Map<String, Long> units = org.unitIdsByCode();
		Map<String, CustomerView> existing = customers.byExternalId(actor, true);
		List<Parsed> parsed = new ArrayList<>();
		int done = 0;
		for (ImportRow row : rows.rows()) {
			rows.progress("imports.phase.checking", ++done);
			String external = row.text("external_id", 64, true);
			String name = row.text("legal_name", 200, true);
			String taxId = row.text("tax_id", 32, false);
			Segment segment = row.choice("segment", Segment.class, true);
			String industry = row.text("industry", 100, false);
			CompanySize size = row.choice("company_size", CompanySize.class, true);
			String region = row.text("region", 100, false);
			String address = row.text("address", 300, false);
			String postalCode = row.text("postal_code", 16, false);
			String city = row.text("city", 100, false);
			PotentialClass potential = row.choice("potential_class", PotentialClass.class, true);
			BigDecimal annual = row.decimal("annual_potential", false);
			CustomerStatus status = row.choice("status", CustomerStatus.class, true);
			String ownerNumber = row.text("owner", 32, false);
			String unitCode = row.text("unit", 32, false);
			row.unique("external_id", external);
			Long owner = null;
			if (ownerNumber != null) {
				OrgDirectory.StaffSummary person = staff.get(ownerNumber);
				if (person == null || !person.active()) {
					row.error("owner", "imports.error.staff.unknown", ownerNumber);
				}
				else {
					owner = person.id();
				}
			}
			Long unit = null;
			if (unitCode != null) {
				unit = units.get(unitCode);
				if (unit == null) {
					row.error("unit", "imports.error.unit.unknown", unitCode);
				}
			}
			if (external != null && name != null && segment != null && size != null && potential != null
					&& status != null) {
				parsed.add(new Parsed(row, new CustomerManagement.CustomerDetails(external, name, taxId, segment, industry,
						size, region, address, postalCode, city, potential, annual, status, owner, unit, null)));
			}
		}
		if (rows.hasErrors()) {
			return ImportCounts.NONE;
		}
		return rows.write(parsed, Parsed::row, FIELDS, "owner", p -> {
			CustomerView current = existing.get(p.details().externalId());
			if (current == null) {
				customers.create(actor, p.details());
				return ImportRows.Outcome.CREATED;
			}
			if (same(current, p.details())) {
				return ImportRows.Outcome.UNCHANGED;
			}
			CustomerManagement.CustomerDetails d = p.details();
			// A blank owner keeps the current one; a new owner without a unit brings the account to their unit.
			Long owner = d.ownerStaffId() != null ? d.ownerStaffId() : current.ownerStaffId();
			Long unit = d.unitId() != null ? d.unitId() : (d.ownerStaffId() != null ? null : current.unitId());
			customers.update(actor, current.id(), current.version(), new CustomerManagement.CustomerDetails(
					d.externalId(), d.legalName(), d.taxId(), d.segment(), d.industry(), d.companySize(), d.region(),
					d.address(), d.postalCode(), d.city(), d.potentialClass(), d.annualPotential(), d.status(), owner, unit,
					null));
			return ImportRows.Outcome.UPDATED;
		});
	}

	private static boolean same(CustomerView c, CustomerManagement.CustomerDetails d) {
		return c.legalName().equals(d.legalName()) && Objects.equals(c.taxId(), d.taxId()) && c.segment() == d.segment()
				&& Objects.equals(c.industry(), d.industry()) && c.companySize() == d.companySize()
				&& Objects.equals(c.region(), d.region()) && Objects.equals(c.address(), d.address())
				&& Objects.equals(c.postalCode(), d.postalCode()) && Objects.equals(c.city(), d.city())
				&& c.potentialClass() == d.potentialClass() && sameAmount(c.annualPotential(), d.annualPotential())
				&& c.status() == d.status() && (d.ownerStaffId() == null || d.ownerStaffId().equals(c.ownerStaffId()))
				&& (d.unitId() == null || d.unitId() == c.unitId()) && !c.archived();
	}

	private static boolean sameAmount(@Nullable BigDecimal a, @Nullable BigDecimal b) {
		return a == null ? b == null : b != null && a.compareTo(b) == 0;
	}
}
