package io.rumbo.scenarios;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A published quota version of a fiscal year of the test's own, written straight into the quota tables: every
 * active unit holds {@link #UNIT_MONTH} of revenue a month (released), every active person of the demo company a
 * monthly revenue quota of 1,000 to 1,600 in their unit. {@link #remove()} takes it away again, so the shared
 * database keeps only the demo company.
 */
final class AttainmentFixture {

	static final BigDecimal UNIT_MONTH = new BigDecimal("5000.00");

	final JdbcClient jdbc;
	final int year;
	final long versionId;
	/** Every person holding a quota, with their monthly amount and unit; every unit with its parent. */
	final Map<Long, BigDecimal> monthly = new HashMap<>();
	final Map<Long, Long> unitOf = new HashMap<>();
	final Map<Long, Long> parentOf = new HashMap<>();

	AttainmentFixture(JdbcClient jdbc, int year) {
		this.jdbc = jdbc;
		this.year = year;
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		jdbc.sql("""
				INSERT INTO quotas_version (fiscal_year, number, state, plan_version_id, ramp, created_by, created_at,
				  published_by, published_at, version)
				VALUES (:year, 1, 'PUBLISHED', 0, '100', 'test', :now, 'test', :now, 0)""")
			.param("year", year).param("now", now).update();
		versionId = jdbc.sql("SELECT id FROM quotas_version WHERE fiscal_year = :year").param("year", year)
			.query(Long.class).single();
		jdbc.sql("SELECT id, parent_id FROM org_unit WHERE archived = FALSE").query(rs -> {
			parentOf.put(rs.getLong(1), (Long) rs.getObject(2, Long.class));
		});
		for (Map.Entry<Long, Long> unit : parentOf.entrySet()) {
			jdbc.sql("INSERT INTO quotas_release (version_id, unit_id, released_by, released_at) VALUES (:v, :u, 'test', :now)")
				.param("v", versionId).param("u", unit.getKey()).param("now", now).update();
			for (int m = 1; m <= 12; m++) {
				jdbc.sql("""
						INSERT INTO quotas_unit_month (version_id, unit_id, parent_unit_id, metric, fiscal_month, amount)
						VALUES (:v, :u, :p, 'REVENUE', :m, :a)""")
					.param("v", versionId).param("u", unit.getKey()).param("p", unit.getValue()).param("m", m)
					.param("a", UNIT_MONTH).update();
			}
		}
		jdbc.sql("SELECT id, unit_id FROM org_staff WHERE archived = FALSE AND status <> 'LEFT'").query(rs -> {
			unitOf.put(rs.getLong(1), rs.getLong(2));
		});
		for (Map.Entry<Long, Long> person : unitOf.entrySet()) {
			BigDecimal amount = new BigDecimal(1000 + person.getKey() % 7 * 100).setScale(2);
			monthly.put(person.getKey(), amount);
			for (int m = 1; m <= 12; m++) {
				jdbc.sql("""
						INSERT INTO quotas_person_month (version_id, staff_id, unit_id, metric, fiscal_month, full_amount, amount)
						VALUES (:v, :s, :u, 'REVENUE', :m, :a, :a)""")
					.param("v", versionId).param("s", person.getKey()).param("u", person.getValue()).param("m", m)
					.param("a", amount).update();
			}
		}
	}

	String fy() {
		return "FY" + year;
	}

	void remove() {
		for (String table : List.of("quotas_acknowledgement", "quotas_person_month", "quotas_unit_month", "quotas_release")) {
			jdbc.sql("DELETE FROM " + table + " WHERE version_id = :v").param("v", versionId).update();
		}
		jdbc.sql("DELETE FROM quotas_version WHERE id = :v").param("v", versionId).update();
	}
}
