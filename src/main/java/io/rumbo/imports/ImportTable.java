package io.rumbo.imports;

import java.util.List;

/** A file read into its header and lines of cells; {@code number} is the spreadsheet row (header = 1). */
record ImportTable(List<String> header, List<Line> lines) {

	record Line(long number, String[] cells) {
	}
}
