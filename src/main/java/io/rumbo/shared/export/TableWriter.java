package io.rumbo.shared.export;

/** Receives an exported list one row at a time; closing it finishes the file. */
public interface TableWriter extends AutoCloseable {

	void row(Object... cells);

	@Override
	void close();

	/**
	 * Text that a spreadsheet would run as a formula gets a leading apostrophe; numbers and dates pass as they are.
	 * Both formats apply it, so a file opened in any program is safe.
	 */
	static Object neutralise(Object cell) {
		if (!(cell instanceof CharSequence text) || text.isEmpty()) {
			return cell == null ? "" : cell;
		}
		char first = text.charAt(0);
		if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
			return "'" + text;
		}
		return text;
	}
}
