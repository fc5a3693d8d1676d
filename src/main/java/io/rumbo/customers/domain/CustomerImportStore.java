package io.rumbo.customers.domain;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.rumbo.customers.CompanySize;
import io.rumbo.customers.CustomerStatus;
import io.rumbo.customers.CustomersImported;
import io.rumbo.customers.PotentialClass;
import io.rumbo.customers.Segment;
import io.rumbo.organization.StaffId;
import io.rumbo.organization.UnitId;
import io.rumbo.shared.domain.StaleVersionException;
import io.rumbo.shared.money.Amounts;

/**
 * The customer import's reads and writes, a chunk of rows at a time: accounts by external id and by tax key in
 * {@code IN} lists, new accounts in multi-row {@code INSERT}s, changed ones in one JDBC batch, and their ownership
 * periods set-based. It writes the same columns and periods as the entity and {@link OwnershipHistory} do for one
 * account; the checks are the importer's, which keeps them identical to the form's.
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

	/** The fields an import writes; {@code id} and {@code version} are those read for an update, else 0. */
	public record Values(long id, long version, String externalId, String legalName, @Nullable String taxId,
			Segment segment, @Nullable String industry, CompanySize companySize, @Nullable String region,
			@Nullable String address, @Nullable String postalCode, @Nullable String city, PotentialClass potentialClass,
			@Nullable BigDecimal annualPotential, CustomerStatus status, @Nullable Long ownerStaffId, long unitId) {
	}

	/** An account that changes owner or unit: as stored, and as the import writes it. */
	public record Move(Stored from, Values to) {
	}

	/** How many rows one multi-row INSERT carries (18 parameters a row stay far below the drivers' limits). */
	static final int ROWS_PER_INSERT = 200;

	private static final String COLUMNS = "external_id, legal_name, tax_id, tax_key, segment, industry, company_size,"
			+ " region, address, postal_code, city, potential_class, annual_potential, status, owner_staff_id, unit_id";

	private final JdbcClient jdbc;
	private final JdbcTemplate template;

	CustomerImportStore(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	/** The accounts carrying these external ids (archived included), by that id. */
	public Map<String, Stored> byExternalIds(Collection<String> externalIds) {
		Map<String, Stored> found = new HashMap<>();
		for (List<String> part : parts(externalIds)) {
			jdbc.sql("SELECT * FROM customer_account WHERE external_id IN (:ids)").param("ids", part).query(rs -> {
				Stored stored = stored(rs);
				found.put(java.util.Objects.requireNonNull(stored.externalId()), stored);
			});
		}
		return found;
	}

	/** The accounts holding these tax keys ({@link Customer#taxKey(String)}), by key: an index lookup per key. */
	public Map<String, List<Stored>> byTaxKeys(Collection<String> taxKeys) {
		Map<String, List<Stored>> found = new HashMap<>();
		for (List<String> part : parts(taxKeys)) {
			jdbc.sql("SELECT * FROM customer_account WHERE tax_key IN (:keys)").param("keys", part).query(rs -> {
				found.computeIfAbsent(rs.getString("tax_key"), k -> new ArrayList<>()).add(stored(rs));
			});
		}
		return found;
	}

	/** Where the open ownership period of these accounts starts (a change may not go back before it). */
	public Map<Long, LocalDate> openPeriodStarts(Collection<Long> customerIds) {
		Map<Long, LocalDate> starts = new HashMap<>();
		for (List<Long> part : parts(customerIds)) {
			jdbc.sql("SELECT customer_id, valid_from FROM customer_ownership WHERE customer_id IN (:ids)"
					+ " AND valid_to IS NULL")
				.param("ids", part)
				.query(rs -> {
					starts.put(rs.getLong(1), rs.getObject(2, LocalDate.class));
				});
		}
		return starts;
	}

	/** Starts the write pass of one import, whose changes of owner or unit take effect on {@code day}. */
	public WritePass writePass(LocalDate day) {
		return new WritePass(day);
	}

	/**
	 * The write pass of one import, a checked chunk at a time: new accounts, changed ones and their ownership moves
	 * written in batches, and what the import announces once at its end (how many accounts it created and moved, the
	 * owners and units they left or joined) kept across the chunks.
	 */
	public final class WritePass {

		private final LocalDate day;
		private long created;
		private long moved;
		private final Set<Long> owners = new HashSet<>();
		private final Set<Long> units = new HashSet<>();

		private WritePass(LocalDate day) {
			this.day = day;
		}

		public void write(List<Values> created, List<Values> updated, List<Move> moves) {
			insert(created, day);
			update(updated, moves.stream().map(Move::to).toList(), day);
			this.created += created.size();
			this.moved += moves.size();
			created.forEach(v -> touch(v.ownerStaffId(), v.unitId()));
			for (Move move : moves) {
				touch(move.from().ownerStaffId(), move.from().unitId());
				touch(move.to().ownerStaffId(), move.to().unitId());
			}
		}

		private void touch(@Nullable Long owner, long unit) {
			if (owner != null) {
				owners.add(owner);
			}
			units.add(unit);
		}

		/** The import's one announcement, when it created an account or moved one to another owner or unit. */
		public Optional<CustomersImported> announcement() {
			if (created + moved == 0) {
				return Optional.empty();
			}
			return Optional.of(new CustomersImported(created, moved,
					owners.stream().map(StaffId::of).collect(Collectors.toSet()),
					units.stream().map(UnitId::of).collect(Collectors.toSet()), day));
		}
	}

	/**
	 * Inserts new accounts, a few hundred rows per statement, and opens their ownership from {@code since} with one
	 * {@code INSERT ... SELECT} per thousand (the ids are the database's, found again by external id).
	 */
	private void insert(List<Values> accounts, LocalDate since) {
		for (int from = 0; from < accounts.size(); from += ROWS_PER_INSERT) {
			List<Values> part = accounts.subList(from, Math.min(accounts.size(), from + ROWS_PER_INSERT));
			StringBuilder sql = new StringBuilder("INSERT INTO customer_account (" + COLUMNS
					+ ", archived, version) VALUES ");
			for (int i = 0; i < part.size(); i++) {
				sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE, 0)");
			}
			template.update(sql.toString(), ps -> {
				int index = 1;
				for (Values v : part) {
					index = bind(ps, index, v);
				}
			});
		}
		for (List<String> part : parts(accounts.stream().map(Values::externalId).toList())) {
			jdbc.sql("""
					INSERT INTO customer_ownership (customer_id, owner_staff_id, unit_id, valid_from)
					SELECT id, owner_staff_id, unit_id, :since FROM customer_account WHERE external_id IN (:ids)""")
				.param("since", since)
				.param("ids", part)
				.update();
		}
	}

	/**
	 * Writes changed accounts in one batch, each guarded by the version read (a row changed meanwhile is stale:
	 * nothing of the import is kept), and moves the ownership of those whose owner or unit changed on
	 * {@code effective}: the open period is closed that day and a new one opened, or corrected when it opened that
	 * same day, as {@link OwnershipHistory} does for one account.
	 */
	private void update(List<Values> accounts, List<Values> reassigned, LocalDate effective) {
		if (!accounts.isEmpty()) {
			int[][] counts = template.batchUpdate("UPDATE customer_account SET external_id = ?, legal_name = ?,"
					+ " tax_id = ?, tax_key = ?, segment = ?, industry = ?, company_size = ?, region = ?, address = ?,"
					+ " postal_code = ?, city = ?, potential_class = ?, annual_potential = ?, status = ?,"
					+ " owner_staff_id = ?, unit_id = ?, version = version + 1 WHERE id = ? AND version = ?", accounts,
					accounts.size(), (ps, v) -> {
						int index = bind(ps, 1, v);
						ps.setLong(index++, v.id());
						ps.setLong(index, v.version());
					});
			int i = 0;
			for (int[] batch : counts) {
				for (int count : batch) {
					Values v = accounts.get(i++);
					// Drivers may answer SUCCESS_NO_INFO (-2) for a batched statement; only a definite 0 is stale.
					if (count == 0) {
						throw new StaleVersionException(v.version(), v.externalId());
					}
				}
			}
		}
		if (reassigned.isEmpty()) {
			return;
		}
		template.batchUpdate("UPDATE customer_ownership SET valid_to = ? WHERE customer_id = ? AND valid_to IS NULL"
				+ " AND valid_from < ?", reassigned, reassigned.size(), (ps, v) -> {
					ps.setObject(1, effective);
					ps.setLong(2, v.id());
					ps.setObject(3, effective);
				});
		int[][] corrected = template.batchUpdate("UPDATE customer_ownership SET owner_staff_id = ?, unit_id = ?"
				+ " WHERE customer_id = ? AND valid_to IS NULL AND valid_from = ?", reassigned, reassigned.size(),
				(ps, v) -> {
					setLong(ps, 1, v.ownerStaffId());
					ps.setLong(2, v.unitId());
					ps.setLong(3, v.id());
					ps.setObject(4, effective);
				});
		List<Values> opened = new ArrayList<>();
		int i = 0;
		for (int[] batch : corrected) {
			for (int count : batch) {
				Values v = reassigned.get(i++);
				if (count == 0) {
					opened.add(v);
				}
			}
		}
		if (opened.isEmpty()) {
			return;
		}
		template.batchUpdate("INSERT INTO customer_ownership (customer_id, owner_staff_id, unit_id, valid_from)"
				+ " VALUES (?, ?, ?, ?)", opened, opened.size(), (ps, v) -> {
					ps.setLong(1, v.id());
					setLong(ps, 2, v.ownerStaffId());
					ps.setLong(3, v.unitId());
					ps.setObject(4, effective);
				});
	}

	private static int bind(PreparedStatement ps, int index, Values v) throws SQLException {
		ps.setString(index++, v.externalId());
		ps.setString(index++, v.legalName());
		setString(ps, index++, v.taxId());
		setString(ps, index++, Customer.taxKey(v.taxId()));
		ps.setString(index++, v.segment().name());
		setString(ps, index++, v.industry());
		ps.setString(index++, v.companySize().name());
		setString(ps, index++, v.region());
		setString(ps, index++, v.address());
		setString(ps, index++, v.postalCode());
		setString(ps, index++, v.city());
		ps.setString(index++, v.potentialClass().name());
		if (v.annualPotential() == null) {
			ps.setNull(index++, Types.NUMERIC);
		}
		else {
			ps.setBigDecimal(index++, Amounts.price(v.annualPotential()));
		}
		ps.setString(index++, v.status().name());
		setLong(ps, index++, v.ownerStaffId());
		ps.setLong(index++, v.unitId());
		return index;
	}

	private static void setString(PreparedStatement ps, int index, @Nullable String value) throws SQLException {
		if (value == null) {
			ps.setNull(index, Types.VARCHAR);
		}
		else {
			ps.setString(index, value);
		}
	}

	private static void setLong(PreparedStatement ps, int index, @Nullable Long value) throws SQLException {
		if (value == null) {
			ps.setNull(index, Types.BIGINT);
		}
		else {
			ps.setLong(index, value);
		}
	}

	private static <T> List<List<T>> parts(Collection<T> keys) {
		List<T> all = new ArrayList<>(new java.util.LinkedHashSet<>(keys));
		List<List<T>> parts = new ArrayList<>();
		for (int i = 0; i < all.size(); i += CustomerQueries.BATCH) {
			parts.add(all.subList(i, Math.min(all.size(), i + CustomerQueries.BATCH)));
		}
		return parts;
	}

	private static Stored stored(ResultSet rs) throws SQLException {
		return new Stored(rs.getLong("id"), rs.getLong("version"), rs.getString("external_id"),
				rs.getString("legal_name"), rs.getString("tax_id"), Segment.valueOf(rs.getString("segment")),
				rs.getString("industry"), CompanySize.valueOf(rs.getString("company_size")), rs.getString("region"),
				rs.getString("address"), rs.getString("postal_code"), rs.getString("city"),
				PotentialClass.valueOf(rs.getString("potential_class")), rs.getBigDecimal("annual_potential"),
				CustomerStatus.valueOf(rs.getString("status")), (Long) rs.getObject("owner_staff_id", Long.class),
				rs.getLong("unit_id"), rs.getBoolean("archived"));
	}
}
