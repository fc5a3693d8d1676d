package io.rumbo.people;

import io.swagger.v3.oas.annotations.media.Schema;

/** A pipeline stage: the open ones are the company's own (renamed, reordered, added, archived); HIRED and REJECTED are fixed. */
@Schema(name = "PeopleStage")
public record StageView(String code, String nameEn, String nameEs, int position, boolean terminal, boolean archived,
		long version) {

	public String name(java.util.Locale locale) {
		return "es".equals(locale.getLanguage()) ? nameEs : nameEn;
	}
}
