package io.rumbo.sales.domain;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.jspecify.annotations.Nullable;

import io.rumbo.shared.domain.ConflictException;

/**
 * A task given to a person, or to a team (a unit) when {@code teamTask} is set, in which case any member may
 * complete it. The unit of a personal task is the assignee's unit on assignment, so managers of that unit see it.
 * Completing a done task or reopening an open one is refused: the first completion is the one measured.
 */
@Entity
@Table(name = "sales_task")
public class SalesTask {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	private String title;

	private @Nullable String description;

	private @Nullable Long assigneeStaffId;

	private long assigneeUnitId;

	private boolean teamTask;

	private @Nullable Long customerId;

	private LocalDate dueOn;

	private String assignedBy;

	private LocalDate assignedOn;

	private @Nullable LocalDate completedOn;

	private @Nullable String completedBy;

	/** A page of the application where the task is done (a later module's form), if the task was given with one. */
	private @Nullable String link;

	@Version
	private long version;

	protected SalesTask() {
		this.title = "";
		this.dueOn = LocalDate.MIN;
		this.assignedBy = "";
		this.assignedOn = LocalDate.MIN;
	}

	public SalesTask(String assignedBy, LocalDate assignedOn) {
		this();
		this.assignedBy = assignedBy;
		this.assignedOn = assignedOn;
	}

	public void describe(String title, @Nullable String description, @Nullable Long assigneeStaffId, long assigneeUnitId,
			boolean teamTask, @Nullable Long customerId, LocalDate dueOn) {
		this.title = title;
		this.description = description;
		this.assigneeStaffId = teamTask ? null : assigneeStaffId;
		this.assigneeUnitId = assigneeUnitId;
		this.teamTask = teamTask;
		this.customerId = customerId;
		this.dueOn = dueOn;
	}

	/** Where the task is done: a local path of the application ({@code /...}), set when the task is given. */
	public void linkTo(String link) {
		if (!link.startsWith("/") || link.startsWith("//")) {
			throw new IllegalArgumentException("A task links to a local path");
		}
		this.link = link;
	}

	public @Nullable String link() {
		return link;
	}

	public void complete(String by, LocalDate on) {
		if (completedOn != null) {
			throw new ConflictException("sales.task.alreadyDone");
		}
		this.completedOn = on;
		this.completedBy = by;
	}

	public void reopen() {
		if (completedOn == null) {
			throw new ConflictException("sales.task.notDone");
		}
		this.completedOn = null;
		this.completedBy = null;
	}

	public Map<String, Object> auditState() {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("title", title);
		state.put("assigneeStaffId", assigneeStaffId);
		state.put("assigneeUnitId", assigneeUnitId);
		state.put("teamTask", teamTask);
		state.put("customerId", customerId);
		state.put("dueOn", dueOn.toString());
		state.put("completedOn", completedOn == null ? null : completedOn.toString());
		state.put("completedBy", completedBy);
		return state;
	}

	public long id() {
		if (id == null) {
			throw new IllegalStateException("Task not saved yet");
		}
		return id;
	}

	public String title() {
		return title;
	}

	public long version() {
		return version;
	}

	public @Nullable Long assigneeStaffId() {
		return assigneeStaffId;
	}

	public long assigneeUnitId() {
		return assigneeUnitId;
	}

	public boolean teamTask() {
		return teamTask;
	}

	public @Nullable LocalDate completedOn() {
		return completedOn;
	}

	public LocalDate dueOn() {
		return dueOn;
	}
}
