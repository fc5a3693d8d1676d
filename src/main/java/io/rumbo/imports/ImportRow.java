package io.rumbo.imports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import io.rumbo.shared.domain.Bounds;

/**
 * One row of an import file with typed readers. Each reader records a worded problem against this row and column
 * when the cell is missing or malformed and answers {@code null}, so an importer checks a whole row in one pass.
 * Numbers use a dot (or a lone comma) as decimal separator and no thousands separator, except in files separated by
 * semicolons (as a Spanish Excel saves them), where a decimal comma with dots grouping thousands is read too
 * ({@code 1.234,56}); dates are ISO (2026-03-31).
 */
public final class ImportRow {

	private final ImportRows rows;
	private final long number;
	private final String[] cells;

	ImportRow(ImportRows rows, long number, String[] cells) {
		this.rows = rows;
		this.number = number;
		this.cells = cells;
	}

	/** The row number as a spreadsheet shows it: the header is row 1. */
	public long number() {
		return number;
	}

	public void error(String column, String key, Object... arguments) {
		rows.error(number, column, key, arguments);
	}

	/** A key (external id, SKU) must appear once in the file; a repeat is an error naming the first row. */
	public void unique(String column, @Nullable String value) {
		if (value != null) {
			rows.unique(this, column, value, value);
		}
	}

	/** As {@link #unique(String, String)}, ignoring case (SKUs match case-insensitively). */
	public void uniqueIgnoringCase(String column, @Nullable String value) {
		if (value != null) {
			rows.unique(this, column, value, value.toUpperCase(Locale.ROOT));
		}
	}

	/** The trimmed cell, or null when the column is absent or the cell blank. */
	public @Nullable String raw(String column) {
		int index = rows.indexOf(column);
		if (index < 0 || index >= cells.length || cells[index] == null) {
			return null;
		}
		String value = unguarded(cells[index].trim());
		return value.isEmpty() ? null : value;
	}

	/**
	 * Exports put an apostrophe before text a spreadsheet would run as a formula ({@code '+34 600...}); reading it
	 * back removes it, so an exported file imports as it was.
	 */
	static String unguarded(String value) {
		if (value.length() > 1 && value.charAt(0) == '\'' && "=+-@\t\r".indexOf(value.charAt(1)) >= 0) {
			return value.substring(1);
		}
		return value;
	}

	public @Nullable String text(String column, int maxLength, boolean required) {
		String value = raw(column);
		if (value == null) {
			if (required) {
				error(column, "imports.error.required");
			}
			return null;
		}
		if (value.length() > maxLength) {
			error(column, "imports.error.tooLong", maxLength);
			return null;
		}
		return value;
	}

	public @Nullable BigDecimal decimal(String column, boolean required) {
		String value = raw(column);
		if (value == null) {
			if (required) {
				error(column, "imports.error.required");
			}
			return null;
		}
		String normal = plainDecimal(value, rows.decimalComma());
		if (normal == null) {
			error(column, "imports.error.numberAmbiguous", value);
			return null;
		}
		try {
			BigDecimal number = new BigDecimal(normal);
			if (number.precision() - number.scale() > 15 || number.scale() > 4) {
				error(column, "imports.error.number", value);
				return null;
			}
			return number;
		}
		catch (NumberFormatException ex) {
			error(column, "imports.error.number", value);
			return null;
		}
	}

	private static final java.util.regex.Pattern GROUPED = java.util.regex.Pattern.compile("[+-]?[1-9]\\d{0,2}(\\.\\d{3})+");

	/**
	 * The number as {@link BigDecimal} reads it. A lone comma is a decimal comma. With {@code decimalComma} (a file
	 * separated by semicolons) a comma after dots means the dots group thousands ({@code 1.234,56}); a number written
	 * only with dots in groups of three ({@code 1.234}, {@code 12.500}) could mean either and answers null, so it is
	 * refused rather than read a thousand times too small. Anything else is left for BigDecimal to accept or refuse.
	 */
	static @Nullable String plainDecimal(String value, boolean decimalComma) {
		int comma = value.indexOf(',');
		int dot = value.indexOf('.');
		if (dot < 0) {
			return value.replace(',', '.');
		}
		if (!decimalComma) {
			return value;
		}
		if (comma < 0) {
			return GROUPED.matcher(value).matches() ? null : value;
		}
		String whole = value.substring(0, comma);
		return comma == value.lastIndexOf(',') && comma > value.lastIndexOf('.') && GROUPED.matcher(whole).matches()
				? whole.replace(".", "") + "." + value.substring(comma + 1) : value;
	}

	public @Nullable Integer integer(String column, boolean required) {
		String value = raw(column);
		if (value == null) {
			if (required) {
				error(column, "imports.error.required");
			}
			return null;
		}
		try {
			return Integer.valueOf(value.endsWith(".0") ? value.substring(0, value.length() - 2) : value);
		}
		catch (NumberFormatException ex) {
			error(column, "imports.error.integer", value);
			return null;
		}
	}

	public @Nullable LocalDate date(String column, boolean required) {
		String value = raw(column);
		if (value == null) {
			if (required) {
				error(column, "imports.error.required");
			}
			return null;
		}
		LocalDate date;
		try {
			date = LocalDate.parse(value);
		}
		catch (DateTimeParseException ex) {
			error(column, "imports.error.date", value);
			return null;
		}
		// Refused rather than stored: a date outside the business range is a typing error (see Bounds).
		if (!Bounds.isBusinessDate(date)) {
			error(column, "imports.error.dateRange", value, Bounds.EARLIEST_DATE, Bounds.LATEST_DATE);
			return null;
		}
		return date;
	}

	/** A value of a fixed list, case-insensitive; the error lists what is allowed. */
	public <E extends Enum<E>> @Nullable E choice(String column, Class<E> type, boolean required) {
		String value = raw(column);
		if (value == null) {
			if (required) {
				error(column, "imports.error.required");
			}
			return null;
		}
		try {
			return Enum.valueOf(type, value.toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_'));
		}
		catch (IllegalArgumentException ex) {
			error(column, "imports.error.choice", value,
					Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
			return null;
		}
	}

	/** true / false (also yes / no, sí / no, 1 / 0); blank gives the default. */
	public boolean bool(String column, boolean otherwise) {
		String value = raw(column);
		if (value == null) {
			return otherwise;
		}
		switch (value.toLowerCase(Locale.ROOT)) {
			case "true", "yes", "y", "1", "sí", "si", "s", "verdadero":
				return true;
			case "false", "no", "n", "0", "falso":
				return false;
			default:
				error(column, "imports.error.boolean", value);
				return otherwise;
		}
	}
}
