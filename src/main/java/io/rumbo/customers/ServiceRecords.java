package io.rumbo.customers;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.organization.DataScope;

/**
 * The after-sales records behind a measured figure, a page at a time, within a reader's scope (in SQL): the cases
 * resolved in the period with their resolution days, the ratings given with CSAT and NPS, by the person and unit they
 * are attributed to (as the metrics facts count them).
 */
@Service
public class ServiceRecords {

	public enum Kind {
		CASES, RATINGS
	}

	/** A case (amount: resolution days) or a rating (amount: CSAT, detail: NPS). */
	public record Item(String kind, long id, LocalDate date, String reference, long customerId, long staffId,
			long unitId, @Nullable BigDecimal amount, @Nullable String detail) {
	}

	public record Page(List<Item> items, long total) {
	}

	private final JdbcClient jdbc;

	ServiceRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** {@code person} 0 lists the records of nobody (unowned accounts); {@code units} null means any unit. */
	@Transactional(readOnly = true)
	public Page list(Kind kind, LocalDate from, LocalDate to, @Nullable Long person, @Nullable Collection<Long> units,
			DataScope scope, int page, int size) {
		Map<String, Object> params = new HashMap<>();
		params.put("from", from);
		params.put("to", to);
		boolean cases = kind == Kind.CASES;
		String select = cases
				? "'CASE', v.id, v.resolved_on, COALESCE(v.case_number, v.subject), v.customer_id, COALESCE(v.staff_id, 0),"
						+ " v.unit_id, v.resolution_days, v.category"
				: "'RATING', v.id, v.rated_on, COALESCE(v.order_number, ''), v.customer_id, COALESCE(v.staff_id, 0),"
						+ " v.unit_id, v.csat, CAST(v.nps AS VARCHAR(4))";
		String date = cases ? "v.resolved_on" : "v.rated_on";
		StringBuilder where = new StringBuilder(cases ? " FROM customer_service_case v" : " FROM customer_satisfaction v")
			.append(" WHERE ").append(date).append(" >= :from AND ").append(date).append(" < :to");
		if (person != null) {
			where.append(person == 0 ? " AND v.staff_id IS NULL" : " AND v.staff_id = :person");
			params.put("person", person);
		}
		if (units != null) {
			where.append(" AND v.unit_id IN (:units)");
			params.put("units", units.isEmpty() ? List.of(-1L) : units);
		}
		if (!scope.all()) {
			where.append(" AND ").append(scope.sql("v.unit_id", "v.staff_id", params));
		}
		long total = jdbc.sql("SELECT COUNT(*)" + where).params(params).query(Long.class).single();
		params.put("limit", size);
		params.put("offset", (long) page * size);
		List<Item> items = jdbc.sql("SELECT " + select + where + " ORDER BY " + date + " DESC, v.id DESC"
				+ " LIMIT :limit OFFSET :offset")
			.params(params)
			.query((rs, n) -> new Item(rs.getString(1), rs.getLong(2), rs.getObject(3, LocalDate.class),
					String.valueOf(rs.getString(4)), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getBigDecimal(8),
					rs.getString(9)))
			.list();
		return new Page(items, total);
	}
}
