package io.rumbo.benchmarks;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.LongFunction;

/**
 * A CSV file written a line at a time as it is read, never held whole, so that a benchmark can send a file of
 * millions of lines without its size in the heap it measures.
 */
final class GeneratedFile extends InputStream {

	private final String header;
	private final LongFunction<String> line;
	private final long lines;
	private long next = -1;
	private byte[] current = new byte[0];
	private int position;

	/** {@code line} answers line {@code i} (from 0) of {@code lines}, its line break included. */
	GeneratedFile(String header, long lines, LongFunction<String> line) {
		this.header = header;
		this.lines = lines;
		this.line = line;
	}

	/** Its length in bytes, when every line has the same length as the first. */
	static long length(String header, long lines, LongFunction<String> line) {
		return header.getBytes(StandardCharsets.UTF_8).length + lines * line.apply(0).getBytes(StandardCharsets.UTF_8).length;
	}

	private boolean more() {
		while (position == current.length) {
			if (next >= lines) {
				return false;
			}
			current = (next < 0 ? header : line.apply(next)).getBytes(StandardCharsets.UTF_8);
			next++;
			position = 0;
		}
		return true;
	}

	@Override
	public int read() {
		return more() ? current[position++] & 0xff : -1;
	}

	@Override
	public int read(byte[] buffer, int offset, int length) {
		if (length == 0) {
			return 0;
		}
		int read = 0;
		while (read < length && more()) {
			int n = Math.min(length - read, current.length - position);
			System.arraycopy(current, position, buffer, offset + read, n);
			position += n;
			read += n;
		}
		return read == 0 ? -1 : read;
	}
}
