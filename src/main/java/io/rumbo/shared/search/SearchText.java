package io.rumbo.shared.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.rumbo.shared.sql.Like;

/**
 * Accent- and case-insensitive matching that reads the same on H2 and PostgreSQL, without the {@code unaccent}
 * extension: the searched columns are folded in SQL by {@code LOWER(TRANSLATE(text, FROM, TO))}, which both databases
 * have, and the user's words are folded in Java by the same table, so "malaga" and "MÁLAGA" find "Málaga".  Each searched
 * table stores the expression as a generated column ({@link SearchIndexes}), so the database folds once per write
 * whatever path writes, and on PostgreSQL that column carries a trigram index. See docs/decisions/0028-global-search.md.
 * <p>
 * The table maps the accented Latin letters of U+00C0 to U+017F whose canonical decomposition is an ASCII letter plus
 * marks; Unicode's normalisation stability policy keeps those decompositions fixed, so the literal (and with it the
 * indexed expression) never changes. Changing {@link #FROM} or {@link #TO} would need a migration rebuilding the
 * indexes, since PostgreSQL uses an expression index only for the identical expression.
 */
public final class SearchText {

	/** Accented letters, upper and lower case. */
	public static final String FROM;

	/** Their ASCII base letters, position by position. */
	public static final String TO;

	/**
	 * At most this many matches of one kind are ordered for the first hits: a word found in a hundred thousand
	 * accounts ("madrid") would otherwise sort them all to show five. Beyond it the first hits are the first in order
	 * among the first matches found, and "more" tells the reader to add a word (decision 0028).
	 */
	public static final int CANDIDATES = 500;

	/**
	 * {@code SELECT * FROM (select LIMIT CANDIDATES) m ORDER BY order LIMIT limit + 1}: the matches read by the
	 * index, at most {@link #CANDIDATES}, then ordered; {@code order} names the inner select's columns with {@code m.}.
	 */
	public static String firstOrdered(String select, String order, int limit) {
		return "SELECT * FROM (" + select + " LIMIT " + CANDIDATES + ") m ORDER BY " + order + " LIMIT " + (limit + 1);
	}

	/** At most this many words count from one query (each is one more {@code LIKE}). */
	public static final int MAX_WORDS = 6;

	static {
		StringBuilder from = new StringBuilder();
		StringBuilder to = new StringBuilder();
		for (char c = '\u00C0'; c <= '\u017F'; c++) {
			String base = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
			if (base.length() == 1 && base.charAt(0) != c && base.charAt(0) < 128 && Character.isLetter(base.charAt(0))) {
				from.append(c);
				to.append(base.charAt(0));
			}
		}
		FROM = from.toString();
		TO = to.toString();
	}

	private SearchText() {
	}

	/** The text as the database's folded expression reads it: accents off by the same table, then lower case. */
	public static String fold(String text) {
		StringBuilder folded = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			int at = FROM.indexOf(c);
			folded.append(at >= 0 ? TO.charAt(at) : c);
		}
		return folded.toString().toLowerCase(Locale.ROOT);
	}

	/** The distinct folded words of a query, in order, at most {@link #MAX_WORDS}; none for a blank query. */
	public static List<String> words(String query) {
		Set<String> words = new LinkedHashSet<>();
		for (String word : fold(query).trim().split("\\s+")) {
			if (!word.isEmpty() && words.size() < MAX_WORDS) {
				words.add(word);
			}
		}
		return new ArrayList<>(words);
	}

	/**
	 * The folded SQL expression over these columns, joined by spaces (a missing value reads as empty), so that every
	 * word may match any of them. The migrations index exactly this text, so a query must build it from the same
	 * columns in the same order.
	 */
	public static String folded(String... columns) {
		StringBuilder text = new StringBuilder();
		for (String column : columns) {
			if (!text.isEmpty()) {
				text.append(" || ' ' || ");
			}
			text.append("COALESCE(").append(column).append(", '')");
		}
		return "LOWER(TRANSLATE(" + text + ", '" + FROM + "', '" + TO + "'))";
	}

	/** Words shorter than this match as a plain filter: a trigram index finds nothing by one or two letters. */
	public static final int INDEXED_LENGTH = 3;

	/**
	 * Whether a query is worth asking: at least one word of {@link #INDEXED_LENGTH} characters, so that the index
	 * narrows the rows (a query of one letter would read every customer).
	 */
	public static boolean searchable(List<String> words) {
		return words.stream().anyMatch(word -> word.length() >= INDEXED_LENGTH);
	}

	/**
	 * Every word somewhere in the text, in any order: {@code expression LIKE :prefix0 AND ...} for the words the
	 * trigram index can serve (with the user's {@code %} and {@code _} matching literally), and {@code POSITION} for
	 * shorter ones, which PostgreSQL then checks only on the rows the index found. Adds the values to {@code params}.
	 */
	public static String allWords(String expression, List<String> words, String prefix, Map<String, Object> params) {
		StringBuilder sql = new StringBuilder("(1 = 1");
		for (int i = 0; i < words.size(); i++) {
			String word = words.get(i);
			if (word.length() >= INDEXED_LENGTH) {
				sql.append(" AND ").append(expression).append(" LIKE :").append(prefix).append(i);
				params.put(prefix + i, "%" + Like.escape(word) + "%");
			}
			else {
				sql.append(" AND POSITION(:").append(prefix).append(i).append(" IN ").append(expression).append(") > 0");
				params.put(prefix + i, word);
			}
		}
		return sql.append(')').toString();
	}
}
