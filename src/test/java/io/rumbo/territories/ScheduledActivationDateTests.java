package io.rumbo.territories;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.rumbo.identity.AuditTrail;
import io.rumbo.territories.domain.TerritoryModel;
import io.rumbo.territories.domain.TerritoryModelRepository;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * The catch-up of a scheduled activation (decision 0041) never starts a model before the active one began: the active
 * model would become history with a period ending before it starts. It activates from the later of the scheduled date
 * and the active model's start.
 */
class ScheduledActivationDateTests {

	private final TerritoryModelRepository models = mock(TerritoryModelRepository.class);
	private final Realignment realignment = mock(Realignment.class);
	private final ScheduledActivations activations = new ScheduledActivations(mock(TerritoryModels.class), models,
			realignment, mock(AuditTrail.class), Clock.fixed(LocalDate.of(2031, 5, 20).atStartOfDay()
				.toInstant(ZoneOffset.UTC), ZoneOffset.UTC));

	private TerritoryModel scheduled(LocalDate on) {
		TerritoryModel model = mock(TerritoryModel.class);
		when(model.id()).thenReturn(7L);
		when(model.name()).thenReturn("Scheduled");
		when(model.scheduledFor()).thenReturn(on);
		when(model.scheduledBy()).thenReturn("director");
		return model;
	}

	private void active(LocalDate from) {
		TerritoryModel active = mock(TerritoryModel.class);
		when(active.effectiveFrom()).thenReturn(from);
		when(models.findByStatus(ModelStatus.ACTIVE)).thenReturn(List.of(active));
	}

	@Test
	void aCatchUpForADatePassedBeforeTheActiveModelStartedActivatesFromThatStart() {
		TerritoryModel model = scheduled(LocalDate.of(2031, 5, 1));
		when(models.findByStatusAndScheduledForLessThanEqualOrderByScheduledForAsc(eq(ModelStatus.SCHEDULED), any()))
			.thenReturn(List.of(model));
		active(LocalDate.of(2031, 5, 12));

		activations.activateDue(LocalDate.of(2031, 5, 20));

		verify(realignment).activateOn("director", model, LocalDate.of(2031, 5, 12));
	}

	@Test
	void aScheduledDateAfterTheActiveModelsStartIsKept() {
		TerritoryModel model = scheduled(LocalDate.of(2031, 5, 15));
		when(models.findByStatusAndScheduledForLessThanEqualOrderByScheduledForAsc(eq(ModelStatus.SCHEDULED), any()))
			.thenReturn(List.of(model));
		active(LocalDate.of(2031, 5, 12));

		activations.activateDue(LocalDate.of(2031, 5, 20));

		verify(realignment).activateOn("director", model, LocalDate.of(2031, 5, 15));
	}
}
