package io.rumbo.territories;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.identity.AuditTrail;
import io.rumbo.identity.CurrentUser;
import io.rumbo.shared.domain.AccessRefusedException;
import io.rumbo.shared.domain.ConflictException;
import io.rumbo.shared.domain.NotFoundException;
import io.rumbo.shared.domain.StaleVersionException;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.territories.domain.TerritoryModel;
import io.rumbo.territories.domain.TerritoryModelRepository;

/**
 * A draft scheduled to activate by itself on a later date (decision 0041). A director schedules it for a day after
 * today (SCHEDULED: no edits, no direct activation) or takes it back to a draft; only one model is scheduled at a time
 * (a unique key, so two directors scheduling at once cannot both succeed). The job
 * {@code territories/scheduled-activation} (every hour, through the shared job runner of decision 0026, whose first
 * tick after a start is the catch-up for a date that passed while no instance ran) activates every scheduled model
 * whose date has come, through the same {@link Realignment} as a director's activation, effective on the scheduled
 * date: ownership changes from that date, orders and results before it keep the old owner and territory. The model then
 * is ACTIVE, so a second run finds nothing to do.
 */
@Service
public class ScheduledActivations {

	private static final Logger log = LoggerFactory.getLogger(ScheduledActivations.class);

	private final TerritoryModels reading;
	private final TerritoryModelRepository models;
	private final Realignment realignment;
	private final AuditTrail audit;
	private final Clock clock;

	ScheduledActivations(TerritoryModels reading, TerritoryModelRepository models, Realignment realignment,
			AuditTrail audit, Clock clock) {
		this.reading = reading;
		this.models = models;
		this.realignment = realignment;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Schedules a draft to activate on {@code date}, which must be later than today (today: activate it; an earlier day
	 * would rewrite history). Directors and administrators only; 409 when another model is scheduled.
	 */
	@Transactional
	public ModelView schedule(CurrentUser user, long modelId, long version, @Nullable LocalDate date) {
		TerritoryModel model = editable(user, modelId, version);
		if (date == null) {
			throw ValidationFailedException.of("effectiveDate", "territories.model.effectiveDate.required");
		}
		LocalDate today = LocalDate.now(clock);
		if (!date.isAfter(today)) {
			throw ValidationFailedException.of("effectiveDate", "territories.model.schedule.notLater",
					TerritoryModels.readerDate(today));
		}
		models.findByStatus(ModelStatus.SCHEDULED).stream().findFirst().ifPresent(other -> {
			throw new ConflictException("territories.model.schedule.taken", other.name(),
					TerritoryModels.readerDate(other.scheduledFor()));
		});
		var before = model.auditState();
		model.schedule(date, user.username(), clock.instant());
		try {
			StaleVersionException.guard(version, () -> models.saveAndFlush(model), () -> reading.get(user, modelId));
		}
		catch (DataIntegrityViolationException ex) {
			throw new ConflictException("territories.model.schedule.takenNow");
		}
		audit.record("TERRITORY_MODEL", modelId, "SCHEDULE", before, model.auditState(), model.name());
		return reading.get(user, modelId);
	}

	/** A scheduled model back to a draft (directors and administrators). */
	@Transactional
	public ModelView unschedule(CurrentUser user, long modelId, long version) {
		reading.get(user, modelId);
		if (!TerritoryModels.mayActivate(user)) {
			throw new AccessRefusedException("territories");
		}
		TerritoryModel model = current(user, modelId, version);
		var before = model.auditState();
		model.unschedule();
		StaleVersionException.guard(version, () -> models.saveAndFlush(model), () -> reading.get(user, modelId));
		audit.record("TERRITORY_MODEL", modelId, "UNSCHEDULE", before, model.auditState(), model.name());
		return reading.get(user, modelId);
	}

	/**
	 * Activates every scheduled model whose date is {@code on} or earlier, each from its own scheduled date, on behalf
	 * of who scheduled it; answers the ids activated (none on a second run the same day). The date is never earlier
	 * than the active model's start: the active model cannot become history before it began (a period ending before
	 * it starts), so a catch-up for a model whose date passed before the active one started activates it from that
	 * start instead (decision 0041).
	 */
	@Transactional
	public List<Long> activateDue(LocalDate on) {
		List<Long> activated = new ArrayList<>();
		for (TerritoryModel model : models
			.findByStatusAndScheduledForLessThanEqualOrderByScheduledForAsc(ModelStatus.SCHEDULED, on)) {
			LocalDate date = notBeforeActive(model.scheduledFor() == null ? on : model.scheduledFor());
			String by = model.scheduledBy();
			int moved = realignment.activateOn(by == null ? "system" : by, model, date);
			log.info("Territory model {} ({}) activated as scheduled from {}: {} accounts moved", model.id(),
					model.name(), date, moved);
			activated.add(model.id());
		}
		return activated;
	}

	/** {@code date}, or the active model's start when that is later. */
	private LocalDate notBeforeActive(LocalDate date) {
		return models.findByStatus(ModelStatus.ACTIVE).stream()
			.map(TerritoryModel::effectiveFrom)
			.filter(from -> from != null && from.isAfter(date))
			.findFirst()
			.orElse(date);
	}

	private TerritoryModel editable(CurrentUser user, long modelId, long version) {
		reading.get(user, modelId);
		if (!TerritoryModels.mayActivate(user)) {
			throw new AccessRefusedException("territories");
		}
		TerritoryModel model = current(user, modelId, version);
		model.requireDraft();
		return model;
	}

	private TerritoryModel current(CurrentUser user, long modelId, long version) {
		TerritoryModel model = models.findById(modelId)
			.orElseThrow(() -> new NotFoundException("territoryModel", modelId));
		if (model.version() != version) {
			throw new StaleVersionException(version, reading.get(user, modelId));
		}
		return model;
	}
}
