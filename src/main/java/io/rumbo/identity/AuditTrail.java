package io.rumbo.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import io.rumbo.shared.domain.AccessRefusedException;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.PageResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who changed what and when. Every module records its important changes here, inside the transaction that
 * makes them, so a change and its audit line are written together or not at all.
 */
@Service
public class AuditTrail {

	public static final Map<String, String> SORTS = Map.of("occurredAt", "occurred_at", "actor", "actor", "action",
			"action", "entityType", "entity_type");

	public record Filter(@Nullable String actor, @Nullable String entityType, @Nullable String entityId,
			@Nullable String action, @Nullable LocalDate from, @Nullable LocalDate to) {
	}

	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final Clock clock;

	private final io.rumbo.shared.export.ExportCursor cursor;

	AuditTrail(JdbcClient jdbc, JsonMapper json, Clock clock, io.rumbo.shared.export.ExportCursor cursor) {
		this.cursor = cursor;
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	/** Records a change made by the signed-in user (or "system" outside a request). */
	@Transactional(propagation = Propagation.MANDATORY)
	public void record(String entityType, Object entityId, String action, @Nullable Object before,
			@Nullable Object after, @Nullable String summary) {
		insert(currentActor(), entityType, String.valueOf(entityId), action, before, after, summary);
	}

	/** Sign-in outcomes happen outside any business transaction and must be kept even when the sign-in fails. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void recordSignIn(String username, boolean succeeded, @Nullable String remoteAddress, @Nullable String reason) {
		jdbc.sql("""
				INSERT INTO identity_audit_event (occurred_at, actor, action, entity_type, entity_id, summary, remote_address)
				VALUES (:at, :actor, :action, 'USER', :entityId, :summary, :address)""")
			.param("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
			.param("actor", truncate(username, 64))
			.param("action", succeeded ? "SIGN_IN_SUCCESS" : "SIGN_IN_FAILURE")
			.param("entityId", truncate(username, 64))
			.param("summary", reason)
			.param("address", remoteAddress)
			.update();
	}

	private void insert(String actor, String entityType, String entityId, String action, @Nullable Object before,
			@Nullable Object after, @Nullable String summary) {
		jdbc.sql("""
				INSERT INTO identity_audit_event
				  (occurred_at, actor, action, entity_type, entity_id, summary, before_state, after_state, remote_address)
				VALUES (:at, :actor, :action, :type, :entityId, :summary, :before, :after, :address)""")
			.param("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
			.param("actor", actor)
			.param("action", action)
			.param("type", entityType)
			.param("entityId", entityId)
			.param("summary", truncate(summary, 300))
			.param("before", before == null ? null : json.writeValueAsString(before))
			.param("after", after == null ? null : json.writeValueAsString(after))
			.param("address", currentRemoteAddress())
			.update();
	}

	@Transactional(readOnly = true)
	public PageResponse<AuditEntry> search(CurrentUser actor, Filter filter, ListQuery query) {
		if (!actor.has(Role.ADMIN)) {
			throw new AccessRefusedException("audit.search");
		}
		Map<String, Object> params = new LinkedHashMap<>();
		String where = where(filter, params);
		long total = jdbc.sql("SELECT COUNT(*) FROM identity_audit_event" + where).params(params).query(Long.class).single();
		List<AuditEntry> rows = jdbc
			.sql("SELECT * FROM identity_audit_event" + where + query.orderBy("id DESC") + query.limit())
			.params(params)
			.query(this::entry)
			.list();
		return PageResponse.of(rows, query, total);
	}

	/**
	 * Every entry the filter selects, newest first, in one query with a fetch size: the trail grows without end, so
	 * its export must never hold it in memory.
	 */
	@Transactional(readOnly = true)
	public void each(CurrentUser actor, Filter filter, ListQuery query, java.util.function.Consumer<AuditEntry> sink) {
		if (!actor.has(Role.ADMIN)) {
			throw new AccessRefusedException("audit.search");
		}
		Map<String, Object> params = new LinkedHashMap<>();
		String where = where(filter, params);
		cursor.each("SELECT * FROM identity_audit_event" + where + query.orderBy("id DESC"), params, this::entry, sink);
	}

	private static String where(Filter filter, Map<String, Object> params) {
		StringBuilder where = new StringBuilder(" WHERE 1 = 1");
		if (filter.actor() != null && !filter.actor().isBlank()) {
			where.append(" AND LOWER(actor) = :actor");
			params.put("actor", filter.actor().trim().toLowerCase());
		}
		if (filter.entityType() != null && !filter.entityType().isBlank()) {
			where.append(" AND entity_type = :type");
			params.put("type", filter.entityType().trim().toUpperCase());
		}
		if (filter.entityId() != null && !filter.entityId().isBlank()) {
			where.append(" AND entity_id = :entityId");
			params.put("entityId", filter.entityId().trim());
		}
		if (filter.action() != null && !filter.action().isBlank()) {
			where.append(" AND action = :action");
			params.put("action", filter.action().trim().toUpperCase());
		}
		if (filter.from() != null) {
			where.append(" AND occurred_at >= :from");
			params.put("from", filter.from().atStartOfDay().atOffset(ZoneOffset.UTC));
		}
		if (filter.to() != null) {
			where.append(" AND occurred_at < :to");
			params.put("to", filter.to().plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
		}
		return where.toString();
	}

	/** Distinct actions and entity types seen so far, for the filter drop-downs. */
	@Transactional(readOnly = true)
	public List<String> knownEntityTypes() {
		return new ArrayList<>(jdbc.sql("SELECT DISTINCT entity_type FROM identity_audit_event ORDER BY entity_type")
			.query(String.class)
			.list());
	}

	@Transactional(readOnly = true)
	public List<String> knownActions() {
		return jdbc.sql("SELECT DISTINCT action FROM identity_audit_event ORDER BY action").query(String.class).list();
	}

	private AuditEntry entry(ResultSet rs, int row) throws SQLException {
		String before = rs.getString("before_state");
		String after = rs.getString("after_state");
		return new AuditEntry(rs.getLong("id"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
				rs.getString("actor"), rs.getString("action"), rs.getString("entity_type"), rs.getString("entity_id"),
				rs.getString("summary"), before, after, rs.getString("remote_address"), changes(before, after));
	}

	/** The fields that differ between two recorded states, in the order the record lists them. */
	List<AuditEntry.FieldChange> changes(@Nullable String before, @Nullable String after) {
		Map<String, Object> old = before == null ? Map.of() : json.readValue(before, LinkedHashMap.class);
		Map<String, Object> now = after == null ? Map.of() : json.readValue(after, LinkedHashMap.class);
		java.util.Set<String> fields = new java.util.LinkedHashSet<>(now.keySet());
		fields.addAll(old.keySet());
		List<AuditEntry.FieldChange> changes = new ArrayList<>();
		for (String field : fields) {
			Object was = old.get(field);
			Object is = now.get(field);
			if (!Objects.equals(was, is)) {
				changes.add(new AuditEntry.FieldChange(field, was == null ? "" : String.valueOf(was),
						is == null ? "" : String.valueOf(is)));
			}
		}
		return changes;
	}

	static String currentActor() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()
				|| Objects.equals(authentication.getName(), "anonymousUser")) {
			return "system";
		}
		return authentication.getName();
	}

	static @Nullable String currentRemoteAddress() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			return request.getRemoteAddr();
		}
		return null;
	}

	private static @Nullable String truncate(@Nullable String text, int max) {
		return text == null || text.length() <= max ? text : text.substring(0, max);
	}
}
