package io.rumbo.shared.sql;

import java.io.Reader;
import java.io.StringReader;
import java.lang.reflect.InvocationTargetException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * Appends many rows to a table inside the caller's transaction: PostgreSQL's COPY through the driver's
 * {@code CopyManager} (several times faster than inserts), batched inserts elsewhere (H2). The imports' staging
 * tables are filled through it.
 */
@Component
public class BulkRows {

	private final DataSource dataSource;
	private final JdbcTemplate batch;
	private volatile Boolean postgres;

	BulkRows(DataSource dataSource, JdbcTemplate batch) {
		this.dataSource = dataSource;
		this.batch = batch;
	}

	/** True on PostgreSQL, where staging tables want an ANALYZE after a load and COPY is used. */
	public boolean postgres() {
		Boolean known = postgres;
		if (known == null) {
			known = batch.execute((Connection c) -> c.getMetaData().getDatabaseProductName().toLowerCase()
				.contains("postgres"));
			postgres = known;
		}
		return Boolean.TRUE.equals(known);
	}

	/**
	 * Prepares the caller's transaction for a loop of many short statements (a staging table read back a thousand
	 * rows at a time): on PostgreSQL, no JIT compilation and no parallel workers until the transaction ends. The
	 * planner's cost of such a statement grows with the staging table and the tables it joins (a correlated subquery
	 * per row is costed at its worst), and past {@code jit_above_cost} PostgreSQL compiles the statement at every
	 * execution, prepared or not: 0.3 to 0.9 s a batch for a statement that runs in 4 ms (measured at 2,000,000 staged
	 * rows, docs/benchmarks.md), and a parallel plan adds the start of its workers to each. Nothing else changes; the
	 * settings end with the transaction ({@code SET LOCAL}). Elsewhere (H2) nothing is done.
	 */
	public void shortStatements() {
		if (postgres()) {
			batch.execute("SET LOCAL jit = off");
			batch.execute("SET LOCAL max_parallel_workers_per_gather = 0");
		}
	}

	/** Appends the rows (values in the order of {@code columns}) to {@code table}. */
	public void append(String table, List<String> columns, List<Object[]> rows) {
		if (rows.isEmpty()) {
			return;
		}
		if (postgres()) {
			copy(table, columns, rows);
		}
		else {
			String marks = String.join(", ", Collections.nCopies(columns.size(), "?"));
			batch.batchUpdate("INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES (" + marks + ")",
					rows);
		}
	}

	/**
	 * COPY through the transaction's own connection. The driver is a runtime dependency (an H2 installation runs
	 * without it), so its copy API is reached by name.
	 */
	private void copy(String table, List<String> columns, List<Object[]> rows) {
		StringBuilder csv = new StringBuilder(rows.size() * 128);
		for (Object[] row : rows) {
			for (int i = 0; i < row.length; i++) {
				if (i > 0) {
					csv.append(',');
				}
				csv(csv, row[i]);
			}
			csv.append('\n');
		}
		String sql = "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN WITH (FORMAT csv)";
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try {
			Object driverConnection = connection.unwrap(Class.forName("org.postgresql.PGConnection"));
			Object copyApi = driverConnection.getClass().getMethod("getCopyAPI").invoke(driverConnection);
			copyApi.getClass().getMethod("copyIn", String.class, Reader.class)
				.invoke(copyApi, sql, new StringReader(csv.toString()));
		}
		catch (InvocationTargetException ex) {
			throw new DataAccessResourceFailureException("COPY into " + table + " failed", ex.getCause());
		}
		catch (SQLException | ReflectiveOperationException ex) {
			throw new DataAccessResourceFailureException("COPY into " + table + " failed", ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

	/** A CSV cell as COPY reads it: unquoted empty is NULL, text is always quoted. */
	private static void csv(StringBuilder out, @Nullable Object value) {
		if (value == null) {
			return;
		}
		if (value instanceof BigDecimal number) {
			out.append(number.toPlainString());
		}
		else if (value instanceof Number || value instanceof LocalDate) {
			out.append(value);
		}
		else if (value instanceof Boolean bool) {
			out.append(bool ? 't' : 'f');
		}
		else {
			String text = value.toString();
			out.append('"');
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				if (c == '"') {
					out.append('"');
				}
				out.append(c);
			}
			out.append('"');
		}
	}
}
