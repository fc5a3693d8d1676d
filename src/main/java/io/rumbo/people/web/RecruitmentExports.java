package io.rumbo.people.web;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import io.rumbo.identity.CurrentUser;
import io.rumbo.people.Candidates;
import io.rumbo.people.Requisitions;
import io.rumbo.shared.export.ExportFormat;
import io.rumbo.shared.export.Exports;
import io.rumbo.shared.web.ListQuery;

/** The export shapes of the requisition and candidate lists, for the API and the pages, with the lists' filters. */
final class RecruitmentExports {

	private RecruitmentExports() {
	}

	static ResponseEntity<StreamingResponseBody> requisitions(ExportFormat format, Requisitions requisitions,
			CurrentUser actor, Requisitions.Filter filter, ListQuery sorted) {
		return Exports.download(format, "requisitions", List.of("id", "unit", "jobRole", "reason", "status",
				"budgetedCost", "requestedBy", "requestedOn", "submittedOn", "decidedBy", "decidedOn", "closedOn",
				"candidates", "requirements", "rejectionReason", "notes"),
				table -> requisitions.each(actor, filter, sorted, r -> table.row(r.id(), r.unitName(), r.jobRole(),
						r.reason(), r.status(), r.budgetedCost(), r.requestedByName(), r.requestedOn(), r.submittedOn(),
						r.decidedBy(), r.decidedOn(), r.closedOn(), r.candidates(), r.requirements().size(),
						r.rejectionReason(), r.notes())));
	}

	static ResponseEntity<StreamingResponseBody> candidates(ExportFormat format, Candidates candidates,
			CurrentUser actor, Candidates.Filter filter, ListQuery sorted) {
		return Exports.download(format, "candidates", List.of("id", "requisitionId", "unit", "jobRole", "firstName",
				"lastName", "email", "phone", "source", "sourceDetail", "stage", "appliedOn", "stageOn",
				"averageScore", "interviews", "rejectionReason", "hiredOn", "staffId"),
				table -> candidates.each(actor, filter, sorted, c -> table.row(c.id(), c.requisitionId(), c.unitName(),
						c.jobRole(), c.firstName(), c.lastName(), c.email(), c.phone(), c.source(), c.sourceDetail(),
						c.stageName(), c.appliedOn(), c.stageOn(), c.averageScore(), c.interviews(),
						c.rejectionReason(), c.hiredOn(), c.staffId())));
	}
}
