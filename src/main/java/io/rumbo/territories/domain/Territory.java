package io.rumbo.territories.domain;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.jspecify.annotations.Nullable;

/**
 * A territory of a model, assigned to a person (then {@code assigneeUnitId} is that person's unit) or to a unit. Its
 * rules and named accounts belong to it: changing them raises its version (a forced version increment in the facade).
 */
@Entity
@Table(name = "territories_territory")
public class Territory {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	private long modelId;

	private @Nullable Long parentId;

	private String code;

	private String name;

	private @Nullable Long assigneeStaffId;

	private long assigneeUnitId;

	@Column(name = "rank_no")
	private int rank;

	@Version
	private long version;

	protected Territory() {
		this.code = "";
		this.name = "";
	}

	public Territory(long modelId, @Nullable Long parentId, String code, String name) {
		this.modelId = modelId;
		this.parentId = parentId;
		this.code = code;
		this.name = name;
	}

	public void describe(@Nullable Long parentId, String code, String name, int rank) {
		if (id != null && parentId != null && parentId.equals(id)) {
			throw io.rumbo.shared.domain.ValidationFailedException.of("parentId", "territories.territory.parent.self");
		}
		this.parentId = parentId;
		this.code = code;
		this.name = name;
		this.rank = rank;
	}

	/** Assigns the territory to a person (in their unit) or, without a person, to a unit. */
	public void assign(@Nullable Long staffId, long unitId) {
		this.assigneeStaffId = staffId;
		this.assigneeUnitId = unitId;
	}

	public Map<String, Object> auditState() {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("modelId", modelId);
		state.put("parentId", parentId);
		state.put("code", code);
		state.put("name", name);
		state.put("assigneeStaffId", assigneeStaffId);
		state.put("assigneeUnitId", assigneeUnitId);
		state.put("rank", rank);
		return state;
	}

	public long id() {
		if (id == null) {
			throw new IllegalStateException("Territory not saved yet");
		}
		return id;
	}

	public long modelId() {
		return modelId;
	}

	public @Nullable Long parentId() {
		return parentId;
	}

	public String code() {
		return code;
	}

	public String name() {
		return name;
	}

	public @Nullable Long assigneeStaffId() {
		return assigneeStaffId;
	}

	public long assigneeUnitId() {
		return assigneeUnitId;
	}

	public int rank() {
		return rank;
	}

	public long version() {
		return version;
	}
}
