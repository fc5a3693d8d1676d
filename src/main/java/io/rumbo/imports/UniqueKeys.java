package io.rumbo.imports;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The keys (external ids, SKUs) seen so far in an import file, per column, to find repeats. Memory is bounded: up
 * to {@link #IN_MEMORY} keys are held in a map, and a repeat among them is found at once, on the row; past that the
 * map is written to a temporary file sorted by key (a run) and emptied. Repeats between runs are found by
 * {@link #finish}, which merges the runs once the importer is done; the import then fails as a whole (nothing is
 * committed), with the same error on the same rows. So a 2,000,000-row file holds at most {@value #IN_MEMORY} keys
 * in memory, at the price of a sort on disk.
 */
final class UniqueKeys implements AutoCloseable {

	/** A repeat found by {@link #finish}: the later row, the key as the file wrote it, the first row. */
	record Repeat(long row, String column, String value, long first) {
	}

	static final int IN_MEMORY = 20_000;

	private record Seen(String value, long row) {
	}

	private final int limit;
	private final Map<String, Map<String, Seen>> keys = new LinkedHashMap<>();
	private final Map<String, List<Path>> runs = new HashMap<>();
	private int held;

	UniqueKeys() {
		this(IN_MEMORY);
	}

	UniqueKeys(int limit) {
		this.limit = limit;
	}

	/** Records the key; answers the row it was first seen in when it is a repeat found now, else 0. */
	long firstRow(String column, String key, String value, long row) {
		Seen first = keys.computeIfAbsent(column, c -> new HashMap<>()).putIfAbsent(key, new Seen(value, row));
		if (first != null) {
			return first.row();
		}
		if (++held >= limit) {
			spill();
		}
		return 0;
	}

	/** Repeats between the runs written to disk (and the keys still in memory), in no particular order. */
	List<Repeat> finish() {
		List<Repeat> repeats = new ArrayList<>();
		for (Map.Entry<String, List<Path>> entry : runs.entrySet()) {
			String column = entry.getKey();
			List<RunReader> readers = new ArrayList<>();
			try {
				for (Path run : entry.getValue()) {
					readers.add(new RunReader(run));
				}
				readers.add(new RunReader(write(keys.getOrDefault(column, Map.of()))));
				merge(column, readers, repeats);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			finally {
				readers.forEach(RunReader::close);
			}
		}
		return repeats;
	}

	private static void merge(String column, List<RunReader> readers, List<Repeat> repeats) throws IOException {
		PriorityQueue<RunReader> queue = new PriorityQueue<>(Comparator.comparing(RunReader::key));
		for (RunReader reader : readers) {
			if (reader.next()) {
				queue.add(reader);
			}
		}
		List<Seen> group = new ArrayList<>();
		String groupKey = null;
		while (!queue.isEmpty()) {
			RunReader reader = queue.poll();
			if (!reader.key().equals(groupKey)) {
				report(column, group, repeats);
				group.clear();
				groupKey = reader.key();
			}
			group.add(new Seen(reader.value, reader.row));
			if (reader.next()) {
				queue.add(reader);
			}
		}
		report(column, group, repeats);
	}

	private static void report(String column, List<Seen> group, List<Repeat> repeats) {
		if (group.size() < 2) {
			return;
		}
		Seen first = group.stream().min(Comparator.comparingLong(Seen::row)).orElseThrow();
		for (Seen seen : group) {
			if (seen != first) {
				repeats.add(new Repeat(seen.row(), column, seen.value(), first.row()));
			}
		}
	}

	private void spill() {
		for (Map.Entry<String, Map<String, Seen>> entry : keys.entrySet()) {
			if (!entry.getValue().isEmpty()) {
				try {
					runs.computeIfAbsent(entry.getKey(), c -> new ArrayList<>()).add(write(entry.getValue()));
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}
		}
		keys.clear();
		held = 0;
	}

	private static Path write(Map<String, Seen> column) throws IOException {
		Path run = Files.createTempFile("rumbo-import-", ".keys");
		try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(run)))) {
			for (Map.Entry<String, Seen> e : column.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
				text(out, e.getKey());
				text(out, e.getValue().value());
				out.writeLong(e.getValue().row());
			}
		}
		return run;
	}

	private static void text(DataOutputStream out, String text) throws IOException {
		byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
		out.writeInt(bytes.length);
		out.write(bytes);
	}

	private static String text(DataInputStream in) throws IOException {
		return new String(in.readNBytes(in.readInt()), java.nio.charset.StandardCharsets.UTF_8);
	}

	@Override
	public void close() {
		runs.values().forEach(list -> list.forEach(UniqueKeys::delete));
		runs.clear();
		keys.clear();
	}

	private static void delete(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Reads one sorted run; the last run (the keys still in memory) is deleted with the others on close. */
	private final class RunReader implements AutoCloseable {

		private final Path file;
		private final DataInputStream in;
		private String key = "";
		String value = "";
		long row;

		RunReader(Path file) throws IOException {
			this.file = file;
			this.in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)));
		}

		String key() {
			return key;
		}

		boolean next() throws IOException {
			try {
				key = text(in);
			}
			catch (EOFException ex) {
				return false;
			}
			value = text(in);
			row = in.readLong();
			return true;
		}

		@Override
		public void close() {
			try {
				in.close();
				if (runs.values().stream().noneMatch(list -> list.contains(file))) {
					Files.deleteIfExists(file);
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}
}
