package io.rumbo.improvement.web;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import io.rumbo.identity.CurrentUser;
import io.rumbo.improvement.ImprovementQueries;
import io.rumbo.shared.export.ExportFormat;
import io.rumbo.shared.export.Exports;
import io.rumbo.shared.web.ListQuery;

/** The export shape of the plan list, for the API and the page, with the list's filters and sort. */
final class ImprovementExports {

	private ImprovementExports() {
	}

	static ResponseEntity<StreamingResponseBody> plans(ExportFormat format, ImprovementQueries plans, CurrentUser actor,
			ImprovementQueries.Filter filter, ListQuery sorted) {
		return Exports.download(format, "improvement-plans", List.of("id", "person", "unit", "title", "status",
				"startsOn", "endsOn", "nextCheckInOn", "checkInOverdue", "goals", "goalsBehind", "outcome"),
				table -> plans.each(actor, filter, sorted, p -> table.row(p.id(), p.personName(), p.unitName(),
						p.title(), p.status(), p.startsOn(), p.endsOn(), p.nextCheckInOn(), p.checkInOverdue(),
						p.goals(), p.goalsBehind(), p.outcome())));
	}
}
