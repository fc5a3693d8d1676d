package io.rumbo.territories;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.identity.AuditTrail;
import io.rumbo.identity.CurrentUser;
import io.rumbo.shared.domain.AccessRefusedException;
import io.rumbo.shared.domain.NotFoundException;
import io.rumbo.shared.domain.StaleVersionException;
import io.rumbo.shared.domain.ValidationFailedException;

/**
 * The call norms that turn account classes into workload: visits a year and minutes a visit for each potential class
 * (the alignment reads them when it weighs accounts). Directors and admins change them, audited.
 */
@Service
public class CallNorms {

	/** Visits a year and minutes a visit for a potential class. */
	@io.swagger.v3.oas.annotations.media.Schema(name = "TerritoriesCallNorm")
	public record CallNorm(String potentialClass, int callsPerYear, int callMinutes, long version) {
	}

	private final JdbcClient jdbc;
	private final AuditTrail audit;

	CallNorms(JdbcClient jdbc, AuditTrail audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	public List<CallNorm> list() {
		return jdbc.sql("SELECT potential_class, calls_per_year, call_minutes, version FROM territories_call_norm "
				+ "ORDER BY potential_class")
			.query((rs, n) -> new CallNorm(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getLong(4)))
			.list();
	}

	/** Changes a class's calls a year and minutes a call (directors and admins). */
	@Transactional
	public CallNorm change(CurrentUser user, String potentialClass, long version, @Nullable Integer calls,
			@Nullable Integer minutes) {
		if (!TerritoryModels.mayActivate(user)) {
			throw new AccessRefusedException("territories");
		}
		CallNorm current = list().stream().filter(c -> c.potentialClass().equalsIgnoreCase(potentialClass))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("callNorm", potentialClass));
		if (calls == null || calls < 0 || calls > 365) {
			throw ValidationFailedException.of("callsPerYear", "territories.norm.calls.invalid");
		}
		if (minutes == null || minutes < 0 || minutes > 600) {
			throw ValidationFailedException.of("callMinutes", "territories.norm.minutes.invalid");
		}
		int updated = jdbc.sql("""
				UPDATE territories_call_norm SET calls_per_year = :c, call_minutes = :m, version = version + 1
				WHERE potential_class = :p AND version = :v""")
			.param("c", calls).param("m", minutes).param("p", current.potentialClass()).param("v", version).update();
		if (updated == 0) {
			throw new StaleVersionException(version, current);
		}
		audit.record("TERRITORY_CALL_NORM", current.potentialClass(), "UPDATE",
				Map.of("callsPerYear", current.callsPerYear(), "callMinutes", current.callMinutes()),
				Map.of("callsPerYear", calls, "callMinutes", minutes), current.potentialClass());
		return list().stream().filter(c -> c.potentialClass().equals(current.potentialClass())).findFirst()
			.orElseThrow();
	}
}
