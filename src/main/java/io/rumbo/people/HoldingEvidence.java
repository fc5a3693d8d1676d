package io.rumbo.people;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.organization.DataScope;
import io.rumbo.organization.DataScopes;
import io.rumbo.shared.domain.AccessRefusedException;
import io.rumbo.shared.domain.NotFoundException;

/**
 * The evidence files of people's qualification holdings (decision 0040): a certificate, a licence scan. They are read
 * by PEOPLE, the person who holds the qualification and the managers of their unit (its ancestors' managers included);
 * for anyone else the holding's files do not exist (404). PEOPLE uploads and archives them.
 */
@Service
public class HoldingEvidence {

	/** A holding as the evidence rules need it: whose, in which unit, of which qualification. */
	record Holding(long id, long staffId, long unitId, String label) {
	}

	private final JdbcClient jdbc;
	private final DataScopes scopes;
	private final PeopleFiles files;

	HoldingEvidence(JdbcClient jdbc, DataScopes scopes, PeopleFiles files) {
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.files = files;
	}

	/** Who adds and archives evidence files: PEOPLE. */
	public static boolean mayManage(CurrentUser actor) {
		return actor.has(Role.PEOPLE);
	}

	/**
	 * The SQL condition keeping the people whose evidence the user reads, on {@code people_person pp}: every one for
	 * PEOPLE, the user's own record, and the people of the units a manager manages (subtree expanded).
	 */
	private String readableSql(CurrentUser actor, Map<String, Object> params) {
		if (actor.has(Role.PEOPLE)) {
			return "TRUE";
		}
		Set<Long> units = actor.has(Role.MANAGER) ? scopes.of(actor).managedUnitIds() : Set.of();
		return new DataScope(false, units, scopes.staffIdOf(actor).orElse(null), null)
			.sql(StaffQualifications.COLUMNS, params);
	}

	/** The evidence files of a person's holdings, by holding id (empty when the user may not read them). */
	@Transactional(readOnly = true)
	public Map<Long, List<FileView>> ofPerson(CurrentUser actor, long staffId) {
		Map<String, Object> params = new HashMap<>();
		String readable = readableSql(actor, params);
		params.put("s", staffId);
		List<Long> holdings = jdbc.sql("SELECT sq.id FROM people_staff_qualification sq JOIN people_person pp "
				+ "ON pp.staff_id = sq.staff_id WHERE sq.staff_id = :s AND " + readable).params(params)
			.query(Long.class).list();
		return files.of(PeopleFiles.Owner.HOLDING, holdings);
	}

	/** PEOPLE uploads an evidence file for a holding (400 naming the file when too large, empty or of another type). */
	@Transactional
	public FileView upload(CurrentUser actor, long holdingId, PeopleFiles.Upload upload) {
		Holding holding = readable(actor, holdingId);
		if (!mayManage(actor)) {
			throw new AccessRefusedException("files");
		}
		return files.store(actor, PeopleFiles.Owner.HOLDING, holdingId, "EVIDENCE", upload, holding.label());
	}

	/** An evidence file's bytes for PEOPLE, the person and their managers (404 for anyone else). */
	@Transactional(readOnly = true)
	public PeopleFiles.Download download(CurrentUser actor, long holdingId, long fileId) {
		readable(actor, holdingId);
		return files.download(PeopleFiles.Owner.HOLDING, holdingId, fileId);
	}

	/** PEOPLE archives an evidence file. */
	@Transactional
	public void archive(CurrentUser actor, long holdingId, long fileId) {
		Holding holding = readable(actor, holdingId);
		if (!mayManage(actor)) {
			throw new AccessRefusedException("files");
		}
		files.archive(actor, PeopleFiles.Owner.HOLDING, holdingId, fileId, holding.label());
	}

	/** The person a holding belongs to (404 when there is none or the user may not read their evidence). */
	@Transactional(readOnly = true)
	public long staffOf(CurrentUser actor, long holdingId) {
		return readable(actor, holdingId).staffId();
	}

	private Holding readable(CurrentUser actor, long holdingId) {
		Map<String, Object> params = new HashMap<>();
		String readable = readableSql(actor, params);
		params.put("id", holdingId);
		Holding holding = jdbc.sql("""
				SELECT sq.id, sq.staff_id, pp.unit_id, pp.full_name, q.name FROM people_staff_qualification sq
				JOIN people_person pp ON pp.staff_id = sq.staff_id
				JOIN people_qualification q ON q.id = sq.qualification_id WHERE sq.id = :id""" + " AND " + readable)
			.params(params)
			.query((rs, n) -> new Holding(rs.getLong(1), rs.getLong(2), rs.getLong(3),
					rs.getString(4) + " · " + rs.getString(5)))
			.optional().orElse(null);
		if (holding == null) {
			throw new NotFoundException("holding", holdingId);
		}
		return holding;
	}
}
