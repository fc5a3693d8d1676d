package io.rumbo.customers;

import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.organization.UnitId;

/**
 * How many live accounts these units hold today, by potential class: the sizing module's workload starts from it.
 * Unscoped: the caller has decided its reader sees these units.
 */
@Service
public class AccountsByPotential {

	private final JdbcClient jdbc;

	AccountsByPotential(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every class, zero when the units hold none of it; one grouped statement. */
	@Transactional(readOnly = true)
	public Map<PotentialClass, Long> count(Collection<UnitId> units) {
		Map<PotentialClass, Long> counts = new EnumMap<>(PotentialClass.class);
		for (PotentialClass c : PotentialClass.values()) {
			counts.put(c, 0L);
		}
		List<Long> ids = units.stream().map(UnitId::value).distinct().toList();
		if (ids.isEmpty()) {
			return counts;
		}
		jdbc.sql("""
				SELECT potential_class, COUNT(*) FROM customer_account
				WHERE unit_id IN (:units) AND archived = FALSE GROUP BY potential_class""")
			.param("units", ids)
			.query(rs -> {
				counts.put(PotentialClass.valueOf(rs.getString(1)), rs.getLong(2));
			});
		return counts;
	}
}
