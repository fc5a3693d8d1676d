package io.rumbo.organization.web;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import io.rumbo.identity.CurrentUser;
import io.rumbo.organization.OrgUnitManagement;
import io.rumbo.organization.StaffManagement;
import io.rumbo.shared.export.ExportFormat;
import io.rumbo.shared.export.ExportStyle;
import io.rumbo.shared.export.Exports;
import io.rumbo.shared.web.ListQuery;

/** The export shapes of the organisation's lists, one each, shared by the API and the pages. */
final class OrgExports {

	private OrgExports() {
	}

	/**
	 * Streams the unit list: for programs in the org-units import's columns (parent by code, manager by employee
	 * number), so the file imports back unchanged; for people with names, labels and headcounts in their language.
	 */
	static ResponseEntity<StreamingResponseBody> units(ExportFormat format, OrgUnitManagement units, CurrentUser actor,
			OrgUnitManagement.UnitFilter filter, ListQuery query) {
		ExportStyle style = ExportStyle.current();
		if (!style.forPeople()) {
			return Exports.download(format, style, "org-units", List.of("code", "name", "kind", "parent", "location",
					"manager", "valid_from", "effective_date"),
					table -> units.each(actor, filter, query, u -> table.row(u.code(), u.name(), u.kind().name(),
							u.parentCode(), u.location(), u.managerNumber(), u.validFrom(), null)));
		}
		return Exports.download(format, style, "org-units", List.of("id", "code", "name", "kind", "location",
				"parentCode", "parentName", "managerName", "headcount", "validFrom", "validTo", "archived"),
				table -> units.each(actor, filter, query, u -> table.row(u.id(), u.code(), u.name(),
						Exports.label("organization.kind.", u.kind()), u.location(), u.parentCode(), u.parentName(),
						u.managerName(), u.headcount(), u.validFrom(), u.validTo(), u.archived())));
	}

	static ResponseEntity<StreamingResponseBody> positions(ExportFormat format, OrgUnitManagement units,
			CurrentUser actor) {
		return Exports.download(format, "vacancies",
				List.of("unitId", "unitName", "jobRole", "planned", "filled", "vacancies"),
				table -> units.eachVacancy(actor, p -> table.row(p.unitId(), p.unitName(),
						Exports.label("organization.jobRole.", p.jobRole()), p.planned(), p.filled(), p.vacancies())));
	}

	/**
	 * Streams the staff list row by row, so the export does not hold the list in memory: for programs in the staff
	 * import's columns (unit by code, the sign-in account by user name and roles), for people with names and labels.
	 */
	static ResponseEntity<StreamingResponseBody> staff(ExportFormat format, StaffManagement staff, CurrentUser actor,
			StaffManagement.StaffFilter filter, ListQuery query) {
		ExportStyle style = ExportStyle.current();
		if (!style.forPeople()) {
			return Exports.download(format, style, "staff", List.of("employee_number", "first_name", "last_name",
					"email", "phone", "hire_date", "unit", "job_role", "qualification_level", "status",
					"effective_date", "username", "user_roles"),
					table -> staff.eachForImport(actor, filter, query, e -> {
						var p = e.person();
						table.row(p.employeeNumber(), p.firstName(), p.lastName(), p.email(), p.phone(), p.hireDate(),
								p.unitCode(), p.jobRole().name(), p.qualificationLevel(), p.status().name(), null,
								e.username(), e.username() == null ? null : io.rumbo.organization.imports.AccountRoles.format(e.roles()));
					}));
		}
		return Exports.download(format, style, "staff", List.of("id", "employeeNumber", "firstName", "lastName", "email",
				"phone", "hireDate", "unitCode", "unitName", "managerName", "jobRole", "status", "qualificationLevel",
				"archived"),
				table -> staff.each(actor, filter, query, s -> table.row(s.id(), s.employeeNumber(), s.firstName(),
						s.lastName(), s.email(), s.phone(), s.hireDate(), s.unitCode(), s.unitName(), s.managerName(),
						Exports.label("organization.jobRole.", s.jobRole()),
						Exports.label("organization.status.", s.status()), s.qualificationLevel(), s.archived())));
	}
}
