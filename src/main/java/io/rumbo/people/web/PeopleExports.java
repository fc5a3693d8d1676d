package io.rumbo.people.web;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import io.rumbo.identity.CurrentUser;
import io.rumbo.people.GapReport;
import io.rumbo.people.StaffQualifications;
import io.rumbo.people.TrainingQueries;
import io.rumbo.shared.export.ExportFormat;
import io.rumbo.shared.export.Exports;
import io.rumbo.shared.web.ListQuery;

/** The export shapes of the people lists (gap report, people's qualifications, enrolments), for the API and pages. */
final class PeopleExports {

	private PeopleExports() {
	}

	static ResponseEntity<StreamingResponseBody> gaps(ExportFormat format, GapReport report, CurrentUser actor,
			GapReport.Filter filter, ListQuery sorted) {
		return Exports.download(format, "qualification-gaps", List.of("staffId", "person", "unit", "jobRole",
				"qualification", "qualificationName", "importance", "minLevel", "heldLevel", "expiresOn", "gap"),
				table -> report.each(actor, filter, sorted, g -> table.row(g.staffId(), g.personName(), g.unitName(),
						g.jobRole(), g.qualificationCode(), g.qualificationName(), g.importance(), g.minLevel(),
						g.heldLevel(), g.expiresOn(), g.kind())));
	}

	static ResponseEntity<StreamingResponseBody> holdings(ExportFormat format, StaffQualifications holdings,
			CurrentUser actor, StaffQualifications.Filter filter, ListQuery sorted) {
		return Exports.download(format, "staff-qualifications", List.of("id", "staffId", "person", "unit",
				"qualification", "qualificationName", "kind", "level", "obtainedOn", "expiresOn", "expiring", "expired",
				"evidence", "source"),
				table -> holdings.each(actor, filter, sorted, h -> table.row(h.id(), h.staffId(), h.personName(),
						h.unitName(), h.qualificationCode(), h.qualificationName(), h.kind(), h.level(), h.obtainedOn(),
						h.expiresOn(), h.expiring(), h.expired(), h.evidence(), h.source())));
	}

	static ResponseEntity<StreamingResponseBody> enrolments(ExportFormat format, TrainingQueries queries,
			CurrentUser actor, TrainingQueries.EnrolmentFilter filter, ListQuery sorted) {
		return Exports.download(format, "enrolments", List.of("id", "programme", "session", "startsOn", "endsOn",
				"staffId", "person", "unit", "status", "source", "enrolledBy", "enrolledOn", "attended", "score",
				"completedOn"),
				table -> queries.eachEnrolment(actor, filter, sorted, e -> table.row(e.id(), e.programmeName(),
						e.sessionTitle(), e.startsOn(), e.endsOn(), e.staffId(), e.personName(), e.unitName(),
						e.status(), e.source(), e.enrolledBy(), e.enrolledOn(), e.attended(), e.score(),
						e.completedOn())));
	}
}
