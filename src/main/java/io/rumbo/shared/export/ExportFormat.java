package io.rumbo.shared.export;

import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;

/** The formats every list exports to; the API picks one by {@code Accept}, the pages by {@code ?format=}. */
public enum ExportFormat {

	CSV("text/csv", "csv"), XLSX(ExportFormat.XLSX_TYPE, "xlsx");

	public static final String CSV_TYPE = "text/csv";
	public static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private final String mediaType;
	private final String extension;

	ExportFormat(String mediaType, String extension) {
		this.mediaType = mediaType;
		this.extension = extension;
	}

	public MediaType mediaType() {
		return MediaType.parseMediaType(mediaType);
	}

	public String extension() {
		return extension;
	}

	/** The format an Accept header asks for; CSV when it names neither (the endpoint only matches one of them). */
	public static ExportFormat fromAccept(@Nullable String accept) {
		return accept != null && accept.contains(XLSX_TYPE) ? XLSX : CSV;
	}

	/** The format a page's {@code ?format=} names; anything else is a validation error on "format". */
	public static ExportFormat param(@Nullable String format) {
		return fromParam(format).orElseThrow(() -> io.rumbo.shared.domain.ValidationFailedException.of("format",
				"shared.validation.format", String.valueOf(format)));
	}

	public static Optional<ExportFormat> fromParam(@Nullable String format) {
		if (format == null) {
			return Optional.empty();
		}
		return switch (format.toLowerCase(java.util.Locale.ROOT)) {
			case "csv" -> Optional.of(CSV);
			case "xlsx" -> Optional.of(XLSX);
			default -> Optional.empty();
		};
	}
}
