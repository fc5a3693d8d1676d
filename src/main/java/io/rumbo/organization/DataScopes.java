package io.rumbo.organization;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.organization.domain.StructureHistory;

/**
 * Works out a user's {@link DataScope} from their roles and their place in the org tree. Every module's
 * queries take the scope from here, so "who sees what" has one definition. Within a web request the scope is
 * worked out once and remembered for the rest of the request, however many facades ask for it.
 */
@Service
public class DataScopes {

	private final JdbcClient jdbc;
	private final StructureHistory structure;

	DataScopes(JdbcClient jdbc, StructureHistory structure) {
		this.jdbc = jdbc;
		this.structure = structure;
	}

	private record OwnStaff(long id, long unitId) {
	}

	@Transactional(readOnly = true)
	public DataScope of(CurrentUser user) {
		if (user.seesEverything()) {
			return DataScope.EVERYTHING;
		}
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request == null) {
			return compute(user);
		}
		String key = DataScopes.class.getName() + "." + user.id().value();
		// A write may change the structure the scope follows (a new unit, a move), so writes always work it out
		// afresh and drop what reads remembered; reads after it remember the new one.
		if (!TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
			request.removeAttribute(key, RequestAttributes.SCOPE_REQUEST);
			return compute(user);
		}
		if (request.getAttribute(key, RequestAttributes.SCOPE_REQUEST) instanceof DataScope remembered) {
			return remembered;
		}
		DataScope scope = compute(user);
		request.setAttribute(key, scope, RequestAttributes.SCOPE_REQUEST);
		return scope;
	}

	private DataScope compute(CurrentUser user) {
		Optional<OwnStaff> own = jdbc.sql("SELECT id, unit_id FROM org_staff WHERE user_id = :user AND archived = FALSE")
			.param("user", user.id().value())
			.query((rs, n) -> new OwnStaff(rs.getLong(1), rs.getLong(2)))
			.optional();
		if (own.isEmpty()) {
			return DataScope.NOTHING;
		}
		java.util.Set<Long> managed = java.util.Set.of();
		if (user.has(Role.MANAGER)) {
			List<Long> led = jdbc
				.sql("SELECT id FROM org_unit WHERE manager_staff_id = :staff AND archived = FALSE")
				.param("staff", own.get().id())
				.query(Long.class)
				.list();
			managed = structure.currentTree().subtrees(led);
		}
		boolean ownRecords = user.hasAny(Role.REP, Role.MANAGER);
		return new DataScope(false, managed, ownRecords ? own.get().id() : null, ownRecords ? own.get().unitId() : null);
	}

	/** The staff record linked to a user account, if any. */
	@Transactional(readOnly = true)
	public Optional<Long> staffIdOf(CurrentUser user) {
		return jdbc.sql("SELECT id FROM org_staff WHERE user_id = :user")
			.param("user", user.id().value())
			.query(Long.class)
			.optional();
	}
}
