package io.rumbo.lessons.web;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import io.rumbo.identity.CurrentUser;
import io.rumbo.lessons.LessonQueries;
import io.rumbo.shared.export.ExportFormat;
import io.rumbo.shared.export.Exports;
import io.rumbo.shared.web.ListQuery;

/** The export shape of the lesson library, for the API and the page, with the list's filters and sort. */
final class LessonExports {

	private LessonExports() {
	}

	static ResponseEntity<StreamingResponseBody> lessons(ExportFormat format, LessonQueries lessons, CurrentUser actor,
			LessonQueries.Filter filter, ListQuery sorted) {
		return Exports.download(format, "lessons", List.of("id", "title", "outcome", "status", "author", "writtenOn",
				"segment", "productLine", "customer", "opportunityId", "strategyId", "tags", "sharedWith", "sharedOn",
				"useful", "whatHappened", "why", "advice", "language"),
				table -> lessons.each(actor, filter, sorted, l -> table.row(l.id(), l.title(), l.outcome(), l.status(),
						l.authorName(), l.writtenOn(), l.segment(), l.productLineName(), l.customerName(),
						l.opportunityId(), l.strategyId(), String.join(" ", l.tags()), l.sharedUnitName(),
						l.sharedOn(), l.usefulCount(), l.whatHappened(), l.why(), l.advice(), l.language())));
	}
}
