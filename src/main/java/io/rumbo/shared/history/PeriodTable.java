package io.rumbo.shared.history;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.rumbo.shared.domain.ValidationFailedException;

/**
 * A table of effective-dated periods of one record (which parent a unit had, who owned an account...): each row
 * holds values from {@code valid_from} (inclusive) to {@code valid_to} (exclusive, open when null). A change on a
 * date closes the open period and opens a new one; a change on the day the open period started corrects it; a
 * change before that day is refused, because it would rewrite history that reports already showed.
 */
public final class PeriodTable {

	private final JdbcClient jdbc;
	private final String table;
	private final String ownerColumn;
	private final List<String> valueColumns;

	/** Table and column names are code constants, never input. */
	public PeriodTable(JdbcClient jdbc, String table, String ownerColumn, String... valueColumns) {
		this.jdbc = jdbc;
		this.table = table;
		this.ownerColumn = ownerColumn;
		this.valueColumns = List.of(valueColumns);
	}

	private record Open(long id, List<@Nullable Object> values, LocalDate validFrom) {
	}

	/** Sets the values from {@code effective}; values are given in the order of the value columns. */
	public void change(long owner, LocalDate effective, @Nullable Object... values) {
		Optional<Open> open = open(owner);
		if (open.isEmpty()) {
			insert(owner, effective, values);
			return;
		}
		Open period = open.get();
		if (sameValues(period.values(), values)) {
			return;
		}
		if (effective.isBefore(period.validFrom())) {
			throw ValidationFailedException.of("effectiveDate", "shared.history.effectiveBeforeCurrent",
					period.validFrom());
		}
		if (effective.isEqual(period.validFrom())) {
			StringBuilder sql = new StringBuilder("UPDATE " + table + " SET ");
			Map<String, Object> params = new LinkedHashMap<>();
			for (int i = 0; i < valueColumns.size(); i++) {
				sql.append(i == 0 ? "" : ", ").append(valueColumns.get(i)).append(" = :v").append(i);
				params.put("v" + i, values[i]);
			}
			params.put("id", period.id());
			jdbc.sql(sql + " WHERE id = :id").params(params).update();
			return;
		}
		jdbc.sql("UPDATE " + table + " SET valid_to = :to WHERE id = :id")
			.param("to", effective)
			.param("id", period.id())
			.update();
		insert(owner, effective, values);
	}

	/** Ends the open period on {@code date} (or on its own start, if that is later). */
	public void close(long owner, LocalDate date) {
		jdbc.sql("UPDATE " + table + " SET valid_to = CASE WHEN valid_from > :d THEN valid_from ELSE :d END WHERE "
				+ ownerColumn + " = :owner AND valid_to IS NULL")
			.param("d", date)
			.param("owner", owner)
			.update();
	}

	private Optional<Open> open(long owner) {
		return jdbc
			.sql("SELECT id, " + String.join(", ", valueColumns) + ", valid_from FROM " + table + " WHERE "
					+ ownerColumn + " = :owner AND valid_to IS NULL")
			.param("owner", owner)
			.query((rs, n) -> {
				List<@Nullable Object> values = new ArrayList<>();
				for (int i = 0; i < valueColumns.size(); i++) {
					values.add(rs.getObject(i + 2));
				}
				return new Open(rs.getLong(1), values, rs.getObject(valueColumns.size() + 2, LocalDate.class));
			})
			.optional();
	}

	private void insert(long owner, LocalDate from, @Nullable Object... values) {
		StringBuilder columns = new StringBuilder(ownerColumn);
		StringBuilder markers = new StringBuilder(":owner");
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("owner", owner);
		for (int i = 0; i < valueColumns.size(); i++) {
			columns.append(", ").append(valueColumns.get(i));
			markers.append(", :v").append(i);
			params.put("v" + i, values[i]);
		}
		params.put("from", from);
		jdbc.sql("INSERT INTO " + table + " (" + columns + ", valid_from) VALUES (" + markers + ", :from)")
			.params(params)
			.update();
	}

	/** Database numbers come back as Long, Integer or BigDecimal; ids compare by value. */
	private static boolean sameValues(List<@Nullable Object> stored, @Nullable Object[] values) {
		for (int i = 0; i < values.length; i++) {
			Object a = stored.get(i);
			Object b = values[i];
			if (a instanceof Number x && b instanceof Number y) {
				if (x.longValue() != y.longValue()) {
					return false;
				}
			}
			else if (!Objects.equals(a, b)) {
				return false;
			}
		}
		return true;
	}
}
