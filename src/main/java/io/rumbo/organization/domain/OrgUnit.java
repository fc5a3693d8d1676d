package io.rumbo.organization.domain;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.jspecify.annotations.Nullable;

import io.rumbo.organization.OrgUnitKind;
import io.rumbo.shared.domain.ConflictException;

/**
 * An org unit with its current parent. Its earlier parents are kept as placements (see {@link StructureHistory}),
 * because reports for a past date must show the tree as it was then.
 */
@Entity
@Table(name = "org_unit")
public class OrgUnit {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	private String code;

	private String name;

	@Enumerated(EnumType.STRING)
	private OrgUnitKind kind;

	private @Nullable String location;

	private @Nullable Long parentId;

	private @Nullable Long managerStaffId;

	private LocalDate validFrom;

	private @Nullable LocalDate validTo;

	private boolean archived;

	@Version
	private long version;

	protected OrgUnit() {
		this.code = "";
		this.name = "";
		this.kind = OrgUnitKind.TEAM;
		this.validFrom = LocalDate.MIN;
	}

	public OrgUnit(String code, String name, OrgUnitKind kind, @Nullable String location, @Nullable Long parentId,
			LocalDate validFrom) {
		this.code = code;
		this.name = name;
		this.kind = kind;
		this.location = location;
		this.parentId = parentId;
		this.validFrom = validFrom;
	}

	public void describe(String code, String name, OrgUnitKind kind, @Nullable String location) {
		this.code = code;
		this.name = name;
		this.kind = kind;
		this.location = location;
	}

	void assignManager(@Nullable Long staffId) {
		this.managerStaffId = staffId;
	}

	void placeUnder(@Nullable Long parentId) {
		this.parentId = parentId;
	}

	/**
	 * The unit ceases to exist from {@code date}; it stays for history and for reports on past dates. It ceases to
	 * exist once: archiving it again is refused.
	 */
	void archive(LocalDate date) {
		if (archived) {
			throw new ConflictException("organization.unit.alreadyArchived");
		}
		this.archived = true;
		this.validTo = date;
	}

	public Map<String, Object> auditState() {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("code", code);
		state.put("name", name);
		state.put("kind", kind.name());
		state.put("location", location);
		state.put("parentId", parentId);
		state.put("managerStaffId", managerStaffId);
		state.put("validFrom", validFrom.toString());
		state.put("validTo", validTo == null ? null : validTo.toString());
		state.put("archived", archived);
		return state;
	}

	public long id() {
		if (id == null) {
			throw new IllegalStateException("Unit not saved yet");
		}
		return id;
	}

	public String code() {
		return code;
	}

	public String name() {
		return name;
	}

	public OrgUnitKind kind() {
		return kind;
	}

	public @Nullable Long parentId() {
		return parentId;
	}

	public @Nullable Long managerStaffId() {
		return managerStaffId;
	}

	public LocalDate validFrom() {
		return validFrom;
	}

	public boolean archived() {
		return archived;
	}

	public long version() {
		return version;
	}
}
