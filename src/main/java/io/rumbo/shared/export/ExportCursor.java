package io.rumbo.shared.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Reads an export's rows with one query and a fetch size, and hands them on a batch at a time, so an export of any
 * size holds one batch in memory. On PostgreSQL a fetch size streams from a server-side cursor only inside a
 * transaction (autocommit off), hence the check; without it the driver would load the whole result first. Names of
 * related records (customers, salespeople) are looked up once per batch, never once per row or for the whole table.
 */
@Component
public class ExportCursor {

	/** Rows per fetch and per naming batch. */
	public static final int BATCH = 1000;

	private final JdbcClient jdbc;

	public ExportCursor(DataSource dataSource) {
		JdbcTemplate cursor = new JdbcTemplate(dataSource);
		cursor.setFetchSize(BATCH);
		this.jdbc = JdbcClient.create(cursor);
	}

	/**
	 * Runs {@code sql}, maps each row with {@code row}, completes every batch of up to {@link #BATCH} rows with
	 * {@code named} (one or two set-based lookups) and gives the results to {@code sink} in order.
	 */
	public <R, V> void each(String sql, Map<String, ?> params, RowMapper<R> row, Function<List<R>, List<V>> named,
			Consumer<V> sink) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("An export reads inside a (read-only) transaction, or PostgreSQL would not "
					+ "stream it from a cursor");
		}
		List<R> batch = new ArrayList<>(BATCH);
		int[] number = { 0 };
		jdbc.sql(sql).params(params).query(rs -> {
			batch.add(row.mapRow(rs, number[0]++));
			if (batch.size() == BATCH) {
				named.apply(batch).forEach(sink);
				batch.clear();
			}
		});
		if (!batch.isEmpty()) {
			named.apply(batch).forEach(sink);
		}
	}

	/** {@link #each} for rows that need no naming. */
	public <V> void each(String sql, Map<String, ?> params, RowMapper<V> row, Consumer<V> sink) {
		each(sql, params, row, Function.identity(), sink);
	}
}
