package io.rumbo.incentives.web;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import io.rumbo.identity.CurrentUser;
import io.rumbo.incentives.Awards;
import io.rumbo.incentives.RecognitionFeed;
import io.rumbo.shared.export.ExportFormat;
import io.rumbo.shared.export.Exports;
import io.rumbo.shared.web.ListQuery;

/** The export shapes of the feed and the award list, for the API and the pages, with the lists' filters and sort. */
final class RecognitionExports {

	private RecognitionExports() {
	}

	static ResponseEntity<StreamingResponseBody> feed(ExportFormat format, RecognitionFeed feed, CurrentUser actor,
			RecognitionFeed.Filter filter, ListQuery sorted) {
		return Exports.download(format, "recognition-feed", List.of("type", "id", "on", "person", "unit", "period",
				"award", "kind", "measure", "value", "threshold", "citation"),
				table -> feed.each(actor, filter, sorted, f -> table.row(f.type(), f.id(), f.on(), f.personName(),
						f.unitName(), f.period(), f.title(), f.kindCode(), f.measure(), f.value(), f.threshold(),
						f.citation())));
	}

	static ResponseEntity<StreamingResponseBody> awards(ExportFormat format, Awards awards, CurrentUser actor,
			Awards.Filter filter, ListQuery sorted) {
		return Exports.download(format, "awards", List.of("id", "kind", "award", "person", "unit", "period", "source",
				"measure", "value", "citation", "grantedBy", "grantedAt", "revokedBy", "revokedAt", "revokeReason"),
				table -> awards.each(actor, filter, sorted, a -> table.row(a.id(), a.kindCode(), a.kindName(),
						a.personName(), a.unitName(), a.period(), a.source(), a.measure(), a.value(), a.citation(),
						a.grantedBy(), a.grantedAt(), a.revokedBy(), a.revokedAt(), a.revokeReason())));
	}
}
