package io.rumbo.territories.domain;

import java.time.Instant;
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

import io.rumbo.shared.domain.ConflictException;
import io.rumbo.territories.ModelStatus;

/**
 * A territory model. Only a draft changes; activation fixes its date, and the model it replaces becomes history from
 * that same date, so every day belongs to exactly one model.
 */
@Entity
@Table(name = "territories_model")
public class TerritoryModel {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	private String name;

	@Enumerated(EnumType.STRING)
	private ModelStatus status;

	private @Nullable Long basedOnId;

	private @Nullable String note;

	private String createdBy;

	private Instant createdAt;

	private @Nullable LocalDate effectiveFrom;

	private @Nullable LocalDate effectiveTo;

	private @Nullable String activatedBy;

	private @Nullable Integer movedAccounts;

	private @Nullable LocalDate scheduledFor;

	private @Nullable String scheduledBy;

	private @Nullable Instant scheduledAt;

	/** 1 while scheduled (unique: one scheduled model at a time), null otherwise. */
	private @Nullable Short scheduledSlot;

	@Version
	private long version;

	protected TerritoryModel() {
		this.name = "";
		this.status = ModelStatus.DRAFT;
		this.createdBy = "";
		this.createdAt = Instant.EPOCH;
	}

	public TerritoryModel(String name, @Nullable String note, @Nullable Long basedOnId, String createdBy,
			Instant createdAt) {
		this.name = name;
		this.note = note;
		this.basedOnId = basedOnId;
		this.status = ModelStatus.DRAFT;
		this.createdBy = createdBy;
		this.createdAt = createdAt;
	}

	public void requireDraft() {
		if (status != ModelStatus.DRAFT) {
			throw new ConflictException("territories.model.notDraft");
		}
	}

	public void describe(String name, @Nullable String note) {
		requireDraft();
		this.name = name;
		this.note = note;
	}

	/** The draft will activate by itself on {@code date} (the caller checked that the date is later than today). */
	public void schedule(LocalDate date, String by, Instant at) {
		requireDraft();
		this.status = ModelStatus.SCHEDULED;
		this.scheduledFor = date;
		this.scheduledBy = by;
		this.scheduledAt = at;
		this.scheduledSlot = 1;
	}

	/** A scheduled model back to a draft (editable again, activated by no job). */
	public void unschedule() {
		if (status != ModelStatus.SCHEDULED) {
			throw new ConflictException("territories.model.notScheduled");
		}
		this.status = ModelStatus.DRAFT;
		this.scheduledFor = null;
		this.scheduledBy = null;
		this.scheduledAt = null;
		this.scheduledSlot = null;
	}

	/** Only a draft or a scheduled model activates (one that never was active, so no account period names it). */
	public void requireActivatable() {
		if (status != ModelStatus.DRAFT && status != ModelStatus.SCHEDULED) {
			throw new ConflictException("territories.model.notDraft");
		}
	}

	/** The draft (or the scheduled model, on its date) becomes the active model from {@code date}. */
	public void activate(LocalDate date, String by, int moved) {
		requireActivatable();
		this.status = ModelStatus.ACTIVE;
		this.scheduledSlot = null;
		this.effectiveFrom = date;
		this.activatedBy = by;
		this.movedAccounts = moved;
	}

	/** The active model is replaced from {@code date} (not before its own start). */
	public void replaceOn(LocalDate date) {
		if (status != ModelStatus.ACTIVE) {
			throw new ConflictException("territories.model.notActive");
		}
		if (effectiveFrom != null && date.isBefore(effectiveFrom)) {
			throw new ConflictException("territories.model.beforeActive", effectiveFrom);
		}
		this.status = ModelStatus.HISTORY;
		this.effectiveTo = date;
	}

	public Map<String, Object> auditState() {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("name", name);
		state.put("status", status.name());
		state.put("note", note);
		state.put("basedOnId", basedOnId);
		state.put("effectiveFrom", effectiveFrom == null ? null : effectiveFrom.toString());
		state.put("effectiveTo", effectiveTo == null ? null : effectiveTo.toString());
		state.put("movedAccounts", movedAccounts);
		state.put("scheduledFor", scheduledFor == null ? null : scheduledFor.toString());
		state.put("scheduledBy", scheduledBy);
		return state;
	}

	public long id() {
		if (id == null) {
			throw new IllegalStateException("Model not saved yet");
		}
		return id;
	}

	public String name() {
		return name;
	}

	public ModelStatus status() {
		return status;
	}

	public @Nullable LocalDate scheduledFor() {
		return scheduledFor;
	}

	public @Nullable String scheduledBy() {
		return scheduledBy;
	}

	public @Nullable LocalDate effectiveFrom() {
		return effectiveFrom;
	}

	public long version() {
		return version;
	}
}
