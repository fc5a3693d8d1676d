package io.rumbo.people;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.identity.AuditTrail;
import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.organization.DataScopes;
import io.rumbo.people.PeopleViews.StaffQualificationView;
import io.rumbo.shared.domain.NotFoundException;
import io.rumbo.shared.domain.StaleVersionException;
import io.rumbo.shared.domain.ValidationFailedException;

/**
 * Withdrawing a person's qualification (PEOPLE): recorded by mistake, evidence found false, a licence revoked. The
 * holding goes (it no longer counts in the gap report), and what it was with the reason stays in the person's history
 * ({@code people_holding_withdrawal}) and in the audit trail (WITHDRAW, with the reason). The holding's evidence files
 * move to the withdrawal record in the same transaction and are listed with it, for PEOPLE and the person's managers.
 */
@Service
public class HoldingWithdrawals {

	/** A qualification withdrawn from a person, as their history shows it. */
	public record Withdrawal(long id, long staffId, long qualificationId, String qualificationName, int level,
			LocalDate obtainedOn, @Nullable LocalDate expiresOn, String reason, String withdrawnBy,
			LocalDate withdrawnOn, List<FileView> files) {
	}

	private final JdbcClient jdbc;
	private final StaffQualifications holdings;
	private final DataScopes scopes;
	private final AuditTrail audit;
	private final Clock clock;
	private final PeopleFiles files;

	HoldingWithdrawals(JdbcClient jdbc, StaffQualifications holdings, DataScopes scopes, AuditTrail audit,
			Clock clock, PeopleFiles files) {
		this.files = files;
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
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO people_holding_withdrawal (staff_id, qualification_id, level, obtained_on, expires_on, reason,
				    withdrawn_by, withdrawn_on)
				VALUES (:staff, :qualification, :level, :obtained, :expires, :reason, :by, :on)""")
			.param("staff", before.staffId()).param("qualification", before.qualificationId())
			.param("level", before.level()).param("obtained", before.obtainedOn()).param("expires", before.expiresOn())
			.param("reason", reason.trim()).param("by", actor.username()).param("on", today).update(key, "id");
		long withdrawal = java.util.Objects.requireNonNull(key.getKey()).longValue();
		int moved = files.move(PeopleFiles.Owner.HOLDING, id, PeopleFiles.Owner.WITHDRAWAL, withdrawal);
		Map<String, Object> after = new HashMap<>();
		after.put("reason", reason.trim());
		after.put("withdrawal", withdrawal);
		after.put("evidenceFiles", moved);
		after.put("withdrawnOn", today.toString());
		audit.record(StaffQualifications.AUDIT, id, "WITHDRAW", before, after, before.personName() + " · "
				+ before.qualificationName());
		return ofPerson(actor, before.staffId()).get(0);
	}

	/**
	 * A person's withdrawn qualifications, latest first, within the reader's scope (none outside it); with the evidence
	 * files they had for PEOPLE and the person's managers (none for the person themselves).
	 */
	@Transactional(readOnly = true)
	public List<Withdrawal> ofPerson(CurrentUser actor, long staffId) {
		Map<String, Object> params = new HashMap<>();
		String scope = scopes.of(actor).sql(StaffQualifications.COLUMNS, params);
		params.put("staff", staffId);
		List<Long> readable = new ArrayList<>();
		List<Withdrawal> rows = jdbc.sql("""
				SELECT w.*, q.name, pp.unit_id FROM people_holding_withdrawal w
				JOIN people_qualification q ON q.id = w.qualification_id
				JOIN people_person pp ON pp.staff_id = w.staff_id
				WHERE w.staff_id = :staff""" + " AND " + scope + " ORDER BY w.withdrawn_on DESC, w.id DESC")
			.params(params)
			.query((rs, n) -> {
				if (mayReadFiles(actor, rs.getLong("unit_id"))) {
					readable.add(rs.getLong("id"));
				}
				return row(rs, List.of());
			})
			.list();
		Map<Long, List<FileView>> attached = files.of(PeopleFiles.Owner.WITHDRAWAL, readable);
		return rows.stream()
			.map(w -> new Withdrawal(w.id(), w.staffId(), w.qualificationId(), w.qualificationName(), w.level(),
					w.obtainedOn(), w.expiresOn(), w.reason(), w.withdrawnBy(), w.withdrawnOn(),
					attached.getOrDefault(w.id(), List.of())))
			.toList();
	}

	/** A file of a withdrawn qualification, for PEOPLE and the person's managers (404 for anyone else). */
	@Transactional(readOnly = true)
	public PeopleFiles.Download download(CurrentUser actor, long withdrawalId, long fileId) {
		Long unit = jdbc.sql("SELECT pp.unit_id FROM people_holding_withdrawal w JOIN people_person pp "
				+ "ON pp.staff_id = w.staff_id WHERE w.id = :id").param("id", withdrawalId).query(Long.class)
			.optional().orElse(null);
		if (unit == null || !mayReadFiles(actor, unit)) {
			throw new NotFoundException("withdrawal", withdrawalId);
		}
		return files.download(PeopleFiles.Owner.WITHDRAWAL, withdrawalId, fileId);
	}

	private boolean mayReadFiles(CurrentUser actor, long unitId) {
		return actor.has(Role.PEOPLE) || (actor.has(Role.MANAGER) && scopes.of(actor).managesUnit(unitId));
	}

	private static Withdrawal row(java.sql.ResultSet rs, List<FileView> files) throws java.sql.SQLException {
		return new Withdrawal(rs.getLong("id"), rs.getLong("staff_id"), rs.getLong("qualification_id"),
				rs.getString("name"), rs.getInt("level"), rs.getObject("obtained_on", LocalDate.class),
				rs.getObject("expires_on", LocalDate.class), rs.getString("reason"), rs.getString("withdrawn_by"),
				rs.getObject("withdrawn_on", LocalDate.class), files);
	}
}
