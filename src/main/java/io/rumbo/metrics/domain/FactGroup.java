package io.rumbo.metrics.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.support.SqlArrayValue;

import io.rumbo.organization.DataScope;

/**
 * Who a figure is for, as SQL over a fact table: a set of people (their own rows), or a set of units where each unit
 * is the units of its subtree as it stood in each month ({@code members}: requested unit, member unit, month). The
 * members are written into the statement as a table of literals (typed numbers and dates, never user text): a join
 * keeps the whole answer to one statement whatever the number of units and months.
 */
public record FactGroup(boolean byUnit, List<Long> keys, List<Member> members, @Nullable DataScope scope,
		boolean whole) {

	/** {@code unit} counted for {@code key} in the month starting {@code month}. */
	public record Member(long key, long unit, LocalDate month) {
	}

	public FactGroup {
		keys = List.copyOf(keys);
		members = List.copyOf(members);
	}

	public static FactGroup people(java.util.Collection<Long> staffIds) {
		return new FactGroup(false, List.copyOf(new java.util.LinkedHashSet<>(staffIds)), List.of(), null, false);
	}

	public static FactGroup units(java.util.Collection<Long> unitIds, List<Member> members) {
		return new FactGroup(true, List.copyOf(new java.util.LinkedHashSet<>(unitIds)), members, null, false);
	}

	/** Everything (one member, key 0): what a reader's scope lets them see, as one figure. */
	public static FactGroup everything() {
		return new FactGroup(false, List.of(0L), List.of(), null, true);
	}

	/** The same group, counting only the rows a reader's data scope lets them see (in SQL). */
	public FactGroup within(DataScope readerScope) {
		return new FactGroup(byUnit, keys, members, readerScope, whole);
	}

	public boolean isEmpty() {
		return keys.isEmpty() || (byUnit && members.isEmpty());
	}

	/** The key column of rows of table alias {@code x}, as the statement's {@code k}. */
	String key(String x) {
		if (whole) {
			// Not a bare 0: GROUP BY 0 would name a column position.
			return "CAST(0 AS BIGINT)";
		}
		return byUnit ? "g_" + x + ".r" : x + ".staff_id";
	}

	/** What follows {@code FROM table x}: the join to the member table for units, nothing for people. */
	String join(String x) {
		if (!byUnit) {
			return "";
		}
		String rows = members.stream()
			.map(m -> String.format(Locale.ROOT, "(%d, %d, DATE '%s')", m.key(), m.unit(), m.month()))
			.collect(Collectors.joining(", "));
		String g = "g_" + x;
		return " JOIN (VALUES " + rows + ") " + g + "(r, u, m) ON " + x + ".unit_id = " + g + ".u AND " + x
				+ ".month_start = " + g + ".m";
	}

	/** The condition on rows of alias {@code x}; adds {@code keys} to the parameters for people. */
	String where(String x, Map<String, Object> params) {
		String scoped = scope == null || scope.all() ? ""
				: " AND " + scope.sql(x + ".unit_id", x + ".staff_id", params);
		if (byUnit || whole) {
			return "1 = 1" + scoped;
		}
		// One array parameter, not an IN list of thousands of bind parameters: PostgreSQL's generic plan of such a
		// list compares every row with each of them (4 times slower at 5,000 people), and the driver sends them one
		// by one (docs/benchmarks.md, "Payout runs").
		params.put("keys", new SqlArrayValue("bigint", keys.toArray()));
		return x + ".staff_id = ANY(:keys)" + scoped;
	}

	/** A row of alias {@code y} belongs to the same group member as the row of alias {@code x}. */
	String same(String x, String y) {
		if (whole) {
			return "1 = 1";
		}
		return byUnit ? "g_" + x + ".r = g_" + y + ".r" : x + ".staff_id = " + y + ".staff_id";
	}
}
