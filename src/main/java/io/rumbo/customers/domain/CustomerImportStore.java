package io.rumbo.customers.domain;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.rumbo.customers.CompanySize;
import io.rumbo.customers.CustomerStatus;
import io.rumbo.customers.PotentialClass;
import io.rumbo.customers.Segment;
import io.rumbo.shared.domain.StaleVersionException;
import io.rumbo.shared.sql.BulkRows;

/**
 * The customer import's staging tables and writes (decision 0008, as for orders). The file's rows are appended as
 * they stream in ({@link BulkRows}: COPY on PostgreSQL); keys repeated in the file are found by one query; the rows
 * come back a batch at a time joined with the account of their external id and the other accounts holding their tax
 * key, for the importer to decide each row by the form's rules; its decisions are appended too, and {@link #write}
 * writes them with a few set-based statements: new accounts and their ownership by {@code INSERT ... SELECT}, changed
 * ones by one {@code MERGE} at the version read, moves of ownership as {@link OwnershipHistory} makes them for one
 * account. Everything happens inside the import's transaction: {@link #clear} removes a written import's rows, a
 * failed or dry-run import's rows go with its rollback.
 */
@Component
public class CustomerImportStore {

	/** An account as stored, whatever the reader's scope (the importer decides what it may see). */
	public record Stored(long id, long version, @Nullable String externalId, String legalName, @Nullable String taxId,
			Segment segment, @Nullable String industry, CompanySize companySize, @Nullable String region,
			@Nullable String address, @Nullable String postalCode, @Nullable String city, PotentialClass potentialClass,
			@Nullable BigDecimal annualPotential, CustomerStatus status, @Nullable Long ownerStaffId, long unitId,
			boolean archived) {
	}

	/**
	 * A row of the file as read: a cell that could not be read is null (its row carries the error); {@code complete}
	 * when every required cell was read, so the row can be decided.
	 */
	public record Row(long row, boolean complete, @Nullable String externalId, @Nullable String legalName,
			@Nullable String taxId, @Nullable Segment segment, @Nullable String industry,
			@Nullable CompanySize companySize, @Nullable String region, @Nullable String address,
			@Nullable String postalCode, @Nullable String city, @Nullable PotentialClass potentialClass,
			@Nullable BigDecimal annualPotential, @Nullable CustomerStatus status, @Nullable String ownerNumber,
			@Nullable String unitCode) {
	}

	/**
	 * A complete row with the account its external id names (null: none), the other accounts holding its tax key, and
	 * the day the account's open ownership period started (null: none).
	 */
	public record Staged(Row row, @Nullable Stored current, List<Stored> taxHolders, @Nullable LocalDate openSince) {
	}

	/** What the import does with a row: creates an account ({@code customerId} null) or changes one. */
	public record Decision(long row, @Nullable Long customerId, long version, @Nullable Long ownerStaffId, long unitId,
			boolean moved) {
	}

	/** Told of a key the file repeats: the row, its column and value, and the row it was first seen in. */
	@FunctionalInterface
	public interface Repeats {

		void at(long row, String column, String value, long firstRow);
	}

	private static final List<String> ROW_COLUMNS = List.of("import_id", "row_no", "complete", "external_id",
			"legal_name", "tax_id", "tax_key", "segment", "industry", "company_size", "region", "address", "postal_code",
			"city", "potential_class", "annual_potential", "status", "owner_number", "unit_code");

	private static final List<String> DECISION_COLUMNS = List.of("import_id", "row_no", "customer_id", "version",
			"owner_staff_id", "unit_id", "moved");

	private static final String ACCOUNT_COLUMNS = "external_id, legal_name, tax_id, tax_key, segment, industry,"
			+ " company_size, region, address, postal_code, city, potential_class, annual_potential, status";

	private final JdbcClient jdbc;
	private final BulkRows bulk;

	CustomerImportStore(JdbcClient jdbc, BulkRows bulk) {
		this.jdbc = jdbc;
		this.bulk = bulk;
	}

	/** A key for one import's staging rows; concurrent imports each see only their own uncommitted rows anyway. */
	public long open() {
		return ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
	}

	public void addRows(long importId, List<Row> rows) {
		List<Object[]> values = new ArrayList<>(rows.size());
		for (Row r : rows) {
			values.add(new Object[] { importId, r.row(), r.complete(), r.externalId(), r.legalName(), r.taxId(),
					Customer.taxKey(r.taxId()), name(r.segment()), r.industry(), name(r.companySize()), r.region(),
					r.address(), r.postalCode(), r.city(), name(r.potentialClass()), r.annualPotential(),
					name(r.status()), r.ownerNumber(), r.unitCode() });
		}
		bulk.append("customer_import_row", ROW_COLUMNS, values);
	}

	/**
	 * Reports every row whose external id, or tax id whatever its case, an earlier row of the file already has, with
	 * that first row; then counts the staged rows for the planner (ANALYZE on PostgreSQL).
	 */
	public void repeats(long importId, Repeats found) {
		analyze("customer_import_row");
		for (String[] key : List.of(new String[] { "external_id", "external_id", "external_id" },
				new String[] { "tax_id", "tax_key", "tax_id" })) {
			jdbc.sql("SELECT r.row_no, r." + key[2] + ", f.first_row FROM customer_import_row r JOIN (SELECT " + key[1]
					+ " AS k, MIN(row_no) AS first_row FROM customer_import_row WHERE import_id = :id AND " + key[1]
					+ " IS NOT NULL GROUP BY " + key[1] + " HAVING COUNT(*) > 1) f ON f.k = r." + key[1]
					+ " WHERE r.import_id = :id AND r.row_no > f.first_row ORDER BY r.row_no")
				.param("id", importId)
				.query(rs -> {
					found.at(rs.getLong(1), key[0], rs.getString(2), rs.getLong(3));
				});
		}
	}

	/** The employee numbers the file names as owners. */
	public Set<String> ownerNumbers(long importId) {
		return new LinkedHashSet<>(jdbc.sql("SELECT DISTINCT owner_number FROM customer_import_row"
				+ " WHERE import_id = :id AND owner_number IS NOT NULL").param("id", importId).query(String.class).list());
	}

	/** Hands the complete rows to {@code action} in file order, {@code size} at a time, with what is stored. */
	public void eachRow(long importId, int size, Consumer<List<Staged>> action) {
		// Two short statements per batch, thousands of batches: without this PostgreSQL compiled both at every batch
		// once the staging table was large (JIT), and the rate fell as the file grew.
		bulk.shortStatements();
		long after = 0;
		while (true) {
			Map<Long, Object[]> batch = new java.util.LinkedHashMap<>();
			jdbc.sql("SELECT r.row_no, r.external_id, r.legal_name, r.tax_id, r.segment, r.industry, r.company_size,"
					+ " r.region, r.address, r.postal_code, r.city, r.potential_class, r.annual_potential, r.status,"
					+ " r.owner_number, r.unit_code, " + storedColumns("c") + ", (SELECT MAX(o.valid_from)"
					+ " FROM customer_ownership o WHERE o.customer_id = c.id AND o.valid_to IS NULL)"
					+ " FROM customer_import_row r LEFT JOIN customer_account c ON c.external_id = r.external_id"
					+ " WHERE r.import_id = :id AND r.complete = TRUE AND r.row_no > :after ORDER BY r.row_no FETCH FIRST "
					+ size + " ROWS ONLY")
				.param("id", importId)
				.param("after", after)
				.query(rs -> {
					Row row = new Row(rs.getLong(1), true, rs.getString(2), rs.getString(3), rs.getString(4),
							Segment.valueOf(rs.getString(5)), rs.getString(6), CompanySize.valueOf(rs.getString(7)),
							rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
							PotentialClass.valueOf(rs.getString(12)), rs.getBigDecimal(13),
							CustomerStatus.valueOf(rs.getString(14)), rs.getString(15), rs.getString(16));
					Stored current = rs.getObject(17) == null ? null : stored(rs, 17);
					batch.put(row.row(), new Object[] { row, current, rs.getObject(35, LocalDate.class) });
				});
			if (batch.isEmpty()) {
				return;
			}
			long last = 0;
			for (long row : batch.keySet()) {
				last = row;
			}
			Map<Long, List<Stored>> holders = new HashMap<>();
			jdbc.sql("SELECT r.row_no, " + storedColumns("h") + " FROM customer_import_row r"
					+ " JOIN customer_account h ON h.tax_key = r.tax_key WHERE r.import_id = :id AND r.complete = TRUE"
					+ " AND r.row_no > :after AND r.row_no <= :last")
				.param("id", importId)
				.param("after", after)
				.param("last", last)
				.query(rs -> {
					holders.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(stored(rs, 2));
				});
			List<Staged> staged = new ArrayList<>(batch.size());
			batch.forEach((row, v) -> {
				Stored current = (Stored) v[1];
				List<Stored> others = holders.getOrDefault(row, List.of())
					.stream()
					.filter(h -> current == null || h.id() != current.id())
					.toList();
				staged.add(new Staged((Row) v[0], current, others, (LocalDate) v[2]));
			});
			action.accept(staged);
			after = last;
		}
	}

	public void addDecisions(long importId, List<Decision> decisions) {
		List<Object[]> values = new ArrayList<>(decisions.size());
		for (Decision d : decisions) {
			values.add(new Object[] { importId, d.row(), d.customerId(), d.customerId() == null ? null : d.version(),
					d.ownerStaffId(), d.unitId(), d.moved() });
		}
		bulk.append("customer_import_write", DECISION_COLUMNS, values);
	}

	/**
	 * Writes the decisions: changed accounts at the version read (one changed meanwhile fails the import as stale,
	 * nothing of it is kept), new accounts with their ownership from {@code day}, and the moves of accounts that change
	 * owner or unit on {@code day} (the open period is closed that day and a new one opened, or corrected when it opened
	 * that same day).
	 */
	public void write(long importId, LocalDate day) {
		analyze("customer_import_write");
		String source = " FROM customer_import_write w JOIN customer_import_row r ON r.import_id = w.import_id"
				+ " AND r.row_no = w.row_no WHERE w.import_id = :id";
		long changes = jdbc.sql("SELECT COUNT(*) FROM customer_import_write WHERE import_id = :id"
				+ " AND customer_id IS NOT NULL").param("id", importId).query(Long.class).single();
		if (changes > 0) {
			StringBuilder set = new StringBuilder();
			for (String column : ACCOUNT_COLUMNS.split(", ")) {
				set.append(column).append(" = s.").append(column).append(", ");
			}
			int updated = jdbc.sql("MERGE INTO customer_account c USING (SELECT w.customer_id, w.version, "
					+ prefixed("r") + ", w.owner_staff_id, w.unit_id" + source + " AND w.customer_id IS NOT NULL) s"
					+ " ON (c.id = s.customer_id AND c.version = s.version) WHEN MATCHED THEN UPDATE SET " + set
					+ "owner_staff_id = s.owner_staff_id, unit_id = s.unit_id, version = c.version + 1")
				.param("id", importId)
				.update();
			if (updated != changes) {
				throw stale(importId);
			}
		}
		jdbc.sql("INSERT INTO customer_account (" + ACCOUNT_COLUMNS + ", owner_staff_id, unit_id, archived, version)"
				+ " SELECT " + prefixed("r") + ", w.owner_staff_id, w.unit_id, FALSE, 0" + source
				+ " AND w.customer_id IS NULL ORDER BY w.row_no").param("id", importId).update();
		jdbc.sql("INSERT INTO customer_ownership (customer_id, owner_staff_id, unit_id, valid_from)"
				+ " SELECT c.id, c.owner_staff_id, c.unit_id, :day FROM customer_import_write w"
				+ " JOIN customer_import_row r ON r.import_id = w.import_id AND r.row_no = w.row_no"
				+ " JOIN customer_account c ON c.external_id = r.external_id"
				+ " WHERE w.import_id = :id AND w.customer_id IS NULL").param("id", importId).param("day", day).update();
		String moved = "SELECT customer_id FROM customer_import_write WHERE import_id = :id AND moved = TRUE";
		jdbc.sql("UPDATE customer_ownership SET valid_to = :day WHERE valid_to IS NULL AND valid_from < :day"
				+ " AND customer_id IN (" + moved + ")").param("id", importId).param("day", day).update();
		jdbc.sql("MERGE INTO customer_ownership o USING (SELECT customer_id, owner_staff_id, unit_id"
				+ " FROM customer_import_write WHERE import_id = :id AND moved = TRUE) w"
				+ " ON (o.customer_id = w.customer_id AND o.valid_to IS NULL AND o.valid_from = :day)"
				+ " WHEN MATCHED THEN UPDATE SET owner_staff_id = w.owner_staff_id, unit_id = w.unit_id")
			.param("id", importId)
			.param("day", day)
			.update();
		jdbc.sql("INSERT INTO customer_ownership (customer_id, owner_staff_id, unit_id, valid_from)"
				+ " SELECT w.customer_id, w.owner_staff_id, w.unit_id, :day FROM customer_import_write w"
				+ " WHERE w.import_id = :id AND w.moved = TRUE AND NOT EXISTS (SELECT 1 FROM customer_ownership o"
				+ " WHERE o.customer_id = w.customer_id AND o.valid_to IS NULL)")
			.param("id", importId)
			.param("day", day)
			.update();
	}

	/** The first account of the import that somebody else changed since it was read, as a stale version. */
	private StaleVersionException stale(long importId) {
		return jdbc.sql("SELECT w.version, r.external_id FROM customer_import_write w JOIN customer_import_row r"
				+ " ON r.import_id = w.import_id AND r.row_no = w.row_no JOIN customer_account c ON c.id = w.customer_id"
				+ " WHERE w.import_id = :id AND c.version <> w.version + 1 ORDER BY w.row_no FETCH FIRST 1 ROWS ONLY")
			.param("id", importId)
			.query((rs, n) -> new StaleVersionException(rs.getLong(1), rs.getString(2)))
			.optional()
			.orElseGet(() -> new StaleVersionException(0, "customers"));
	}

	/** Removes a written import's rows (a failed or dry-run one's go with its rollback). */
	public void clear(long importId) {
		for (String table : List.of("customer_import_write", "customer_import_row")) {
			jdbc.sql("DELETE FROM " + table + " WHERE import_id = :id").param("id", importId).update();
		}
	}

	/**
	 * Freshly loaded staging rows have no statistics (autovacuum cannot see uncommitted rows), so PostgreSQL would
	 * plan the joins as if the tables were tiny; ANALYZE inside the transaction counts its own rows.
	 */
	private void analyze(String table) {
		if (bulk.postgres()) {
			jdbc.sql("ANALYZE " + table).update();
		}
	}

	private static @Nullable String name(@Nullable Enum<?> value) {
		return value == null ? null : value.name();
	}

	private static String prefixed(String alias) {
		return alias + "." + ACCOUNT_COLUMNS.replace(", ", ", " + alias + ".");
	}

	private static String storedColumns(String alias) {
		return prefixed(alias).replace(alias + ".tax_key, ", "").replace(alias + ".external_id", alias + ".id, " + alias
				+ ".version, " + alias + ".external_id") + ", " + alias + ".owner_staff_id, " + alias + ".unit_id, " + alias
				+ ".archived";
	}

	/** An account from 18 columns starting at {@code at}, in the order of {@link #storedColumns}. */
	private static Stored stored(ResultSet rs, int at) throws SQLException {
		return new Stored(rs.getLong(at), rs.getLong(at + 1), rs.getString(at + 2), rs.getString(at + 3),
				rs.getString(at + 4), Segment.valueOf(rs.getString(at + 5)), rs.getString(at + 6),
				CompanySize.valueOf(rs.getString(at + 7)), rs.getString(at + 8), rs.getString(at + 9),
				rs.getString(at + 10), rs.getString(at + 11), PotentialClass.valueOf(rs.getString(at + 12)),
				rs.getBigDecimal(at + 13), CustomerStatus.valueOf(rs.getString(at + 14)),
				rs.getObject(at + 15, Long.class), rs.getLong(at + 16), rs.getBoolean(at + 17));
	}
}
