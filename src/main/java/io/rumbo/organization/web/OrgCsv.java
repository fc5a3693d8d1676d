package io.rumbo.organization.web;

import java.io.OutputStream;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import io.rumbo.identity.CurrentUser;
import io.rumbo.organization.OrgUnitView;
import io.rumbo.organization.PositionView;
import io.rumbo.organization.StaffManagement;
import io.rumbo.shared.csv.CsvExport;
import io.rumbo.shared.web.CsvResponses;
import io.rumbo.shared.web.ListQuery;

/** The CSV shapes of the organisation's lists, one each, shared by the API and the pages. */
final class OrgCsv {

	private OrgCsv() {
	}

	static void units(OutputStream out, List<OrgUnitView> rows) {
		try (CsvExport csv = CsvExport.to(out, List.of("id", "code", "name", "kind", "location", "parentId",
				"parentName", "managerName", "headcount", "validFrom", "validTo", "archived"))) {
			rows.forEach(u -> csv.row(u.id(), u.code(), u.name(), u.kind(), u.location(), u.parentId(), u.parentName(),
					u.managerName(), u.headcount(), u.validFrom(), u.validTo(), u.archived()));
		}
	}

	static void positions(OutputStream out, List<PositionView> rows) {
		try (CsvExport csv = CsvExport.to(out, List.of("unitId", "unitName", "jobRole", "planned", "filled", "vacancies"))) {
			rows.forEach(p -> csv.row(p.unitId(), p.unitName(), p.jobRole(), p.planned(), p.filled(), p.vacancies()));
		}
	}

	/** Streams the staff list row by row, so the export does not hold the list in memory. */
	static ResponseEntity<StreamingResponseBody> staff(StaffManagement staff, CurrentUser actor,
			StaffManagement.StaffFilter filter, ListQuery query) {
		return CsvResponses.attachment("staff.csv", out -> {
			try (CsvExport csv = CsvExport.to(out, List.of("id", "employeeNumber", "firstName", "lastName", "email",
					"phone", "hireDate", "unitCode", "unitName", "managerName", "jobRole", "status", "qualificationLevel",
					"archived"))) {
				staff.each(actor, filter, query, s -> csv.row(s.id(), s.employeeNumber(), s.firstName(), s.lastName(),
						s.email(), s.phone(), s.hireDate(), s.unitCode(), s.unitName(), s.managerName(), s.jobRole(),
						s.status(), s.qualificationLevel(), s.archived()));
			}
		});
	}
}
