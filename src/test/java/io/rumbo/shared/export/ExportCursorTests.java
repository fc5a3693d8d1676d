package io.rumbo.shared.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The cursor hands rows on in order, named a batch at a time, and only inside a transaction (PostgreSQL's rule). */
class ExportCursorTests {

	private static JdbcDataSource database() {
		JdbcDataSource h2 = new JdbcDataSource();
		h2.setURL("jdbc:h2:mem:cursor;DB_CLOSE_DELAY=-1");
		JdbcClient jdbc = JdbcClient.create(h2);
		jdbc.sql("DROP TABLE IF EXISTS t").update();
		jdbc.sql("CREATE TABLE t (n INT PRIMARY KEY)").update();
		jdbc.sql("INSERT INTO t SELECT X FROM SYSTEM_RANGE(1, 2500)").update();
		return h2;
	}

	@Test
	void namesEveryThousandRowsOnceAndKeepsTheOrder() {
		JdbcDataSource h2 = database();
		ExportCursor cursor = new ExportCursor(h2);
		List<Integer> batchSizes = new ArrayList<>();
		List<String> rows = new ArrayList<>();
		new TransactionTemplate(new DataSourceTransactionManager(h2)).executeWithoutResult(status -> cursor.each(
				"SELECT n FROM t ORDER BY n", Map.of(), (rs, i) -> rs.getInt(1), batch -> {
					batchSizes.add(batch.size());
					return batch.stream().map(n -> "row " + n).toList();
				}, rows::add));
		assertThat(batchSizes).containsExactly(1000, 1000, 500);
		assertThat(rows).hasSize(2500).startsWith("row 1", "row 2").endsWith("row 2500");
	}

	@Test
	void refusesToRunOutsideATransaction() {
		ExportCursor cursor = new ExportCursor(database());
		assertThatThrownBy(() -> cursor.each("SELECT n FROM t", Map.of(), (rs, i) -> rs.getInt(1), n -> {
		})).isInstanceOf(IllegalStateException.class).hasMessageContaining("transaction");
	}
}
