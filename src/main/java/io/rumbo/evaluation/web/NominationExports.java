package io.rumbo.evaluation.web;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import io.rumbo.evaluation.Nominations;
import io.rumbo.identity.CurrentUser;
import io.rumbo.shared.export.ExportFormat;
import io.rumbo.shared.export.Exports;
import io.rumbo.shared.web.ListQuery;

/** The export shape of the nomination list, for the API and the page, with the list's filters and sort. */
final class NominationExports {

	private NominationExports() {
	}

	static ResponseEntity<StreamingResponseBody> download(ExportFormat format, Nominations nominations,
			CurrentUser actor, Nominations.Filter filter, ListQuery sorted) {
		return Exports.download(format, "evaluation-nominations", List.of("id", "cycle", "name", "unitName", "score",
				"reason", "nominatedBy", "nominatedAt"),
				table -> nominations.each(actor, filter, sorted, n -> table.row(n.id(), n.cycleName(), n.name(),
						n.unitName(), n.score(), n.reason(), n.nominatedBy(), n.nominatedAt())));
	}
}
