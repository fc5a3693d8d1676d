package io.rumbo.people;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An uploaded file of the people module (decision 0040): a candidate's document or a qualification's evidence, with
 * the neutralised name it is offered under and the type detected from its content.
 */
@Schema(name = "PeopleFile")
public record FileView(long id, String kind, String fileName, String contentType, long sizeBytes, String addedBy,
		LocalDate addedOn) {
}
