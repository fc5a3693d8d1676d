package io.rumbo.organization;

import java.util.Optional;

import io.rumbo.identity.CurrentUser;

/**
 * A part of a person's profile page that a later module contributes (recognition: awards and badges), so that the
 * profile shows it without organization importing that module: the later module implements this interface as a bean,
 * and the profile page renders each section's fragment {@code section(content)} of {@link Section#template()} with the
 * section's content, in the order of {@link Section#order()}. The reader has already been allowed to see the person.
 */
public interface StaffProfileSection {

	/** What the section shows of {@code person} to {@code reader}; empty to show nothing. */
	Optional<Section> section(CurrentUser reader, StaffId person);

	/**
	 * A section: the Thymeleaf template holding a fragment {@code section(content)}, its place among the sections
	 * (lower first) and the content the fragment renders.
	 */
	record Section(String template, int order, Object content) {
	}
}
