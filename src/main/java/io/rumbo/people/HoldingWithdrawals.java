package io.rumbo.people;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.identity.AuditTrail;
import io.rumbo.identity.CurrentUser;
import io.rumbo.organization.DataScopes;
import io.rumbo.people.PeopleViews.StaffQualificationView;
import io.rumbo.shared.domain.StaleVersionException;
import io.rumbo.shared.domain.ValidationFailedException;

/**
 * Withdrawing a person's qualification (PEOPLE): recorded by mistake, evidence found false, a licence revoked. The
 * holding goes (it no longer counts in the gap report), and what it was with the reason stays in the person's history
 * ({@code people_holding_withdrawal}) and in the audit trail (WITHDRAW, with the reason).
 */
@Service
public class HoldingWithdrawals {

	/** A qualification withdrawn from a person, as their history shows it. */
	public record Withdrawal(long id, long staffId, long qualificationId, String qualificationName, int level,
			LocalDate obtainedOn, @Nullable LocalDate expiresOn, String reason, String withdrawnBy,
			LocalDate withdrawnOn) {
	}

	private final JdbcClient jdbc;
	private final StaffQualifications holdings;
	private final DataScopes scopes;
	private final AuditTrail audit;
	private final Clock clock;

	HoldingWithdrawals(JdbcClient jdbc, StaffQualifications holdings, DataScopes scopes, AuditTrail audit,
			Clock clock) {
		this.jdbc = jdbc;
		this.holdings = holdings;
		this.scopes = scopes;
		this.audit = audit;
		this.clock = clock;
	}

	/** Withdraws a holding with the version read (409 with the current one when stale) and a reason (required). */
	@Transactional
	public Withdrawal withdraw(CurrentUser actor, long id, long version, @Nullable String reason) {
		Qualifications.requireManager(actor);
		StaffQualificationView before = holdings.get(actor, id);
		if (reason == null || reason.isBlank()) {
			throw ValidationFailedException.of("reason", "shared.validation.required");
		}
		if (reason.trim().length() > 500) {
			throw ValidationFailedException.of("reason", "people.validation.tooLong", 500);
		}
		int deleted = jdbc.sql("DELETE FROM people_staff_qualification WHERE id = :id AND version = :version")
			.param("id", id).param("version", version).update();
		if (deleted == 0) {
			throw new StaleVersionException(version, before);
		}
		LocalDate today = LocalDate.now(clock);
		jdbc.sql("""
				INSERT INTO people_holding_withdrawal (staff_id, qualification_id, level, obtained_on, expires_on, reason,
				    withdrawn_by, withdrawn_on)
				VALUES (:staff, :qualification, :level, :obtained, :expires, :reason, :by, :on)""")
			.param("staff", before.staffId()).param("qualification", before.qualificationId())
			.param("level", before.level()).param("obtained", before.obtainedOn()).param("expires", before.expiresOn())
			.param("reason", reason.trim()).param("by", actor.username()).param("on", today).update();
		Map<String, Object> after = new HashMap<>();
		after.put("reason", reason.trim());
		after.put("withdrawnOn", today.toString());
		audit.record(StaffQualifications.AUDIT, id, "WITHDRAW", before, after, before.personName() + " · "
				+ before.qualificationName());
		return ofPerson(actor, before.staffId()).get(0);
	}

	/** A person's withdrawn qualifications, latest first, within the reader's scope (none outside it). */
	@Transactional(readOnly = true)
	public List<Withdrawal> ofPerson(CurrentUser actor, long staffId) {
		Map<String, Object> params = new HashMap<>();
		String scope = scopes.of(actor).sql(StaffQualifications.COLUMNS, params);
		params.put("staff", staffId);
		return jdbc.sql("""
				SELECT w.*, q.name FROM people_holding_withdrawal w
				JOIN people_qualification q ON q.id = w.qualification_id
				JOIN people_person pp ON pp.staff_id = w.staff_id
				WHERE w.staff_id = :staff""" + " AND " + scope + " ORDER BY w.withdrawn_on DESC, w.id DESC")
			.params(params)
			.query((rs, n) -> new Withdrawal(rs.getLong("id"), rs.getLong("staff_id"), rs.getLong("qualification_id"),
					rs.getString("name"), rs.getInt("level"), rs.getObject("obtained_on", LocalDate.class),
					rs.getObject("expires_on", LocalDate.class), rs.getString("reason"), rs.getString("withdrawn_by"),
					rs.getObject("withdrawn_on", LocalDate.class)))
			.list();
	}
}
