package io.rumbo.evaluation;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A template version was published: it scores the periods from {@code validFrom}, replacing
 * {@code replacedTemplate} (the version published before, if any) from then on.
 */
public record TemplatePublished(TemplateId template, String code, int number, LocalDate validFrom,
		@Nullable TemplateId replacedTemplate, String publishedBy, Instant publishedAt) {
}
