package io.rumbo.evaluation.web;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import io.rumbo.evaluation.CriterionKind;
import io.rumbo.evaluation.CycleResults;
import io.rumbo.evaluation.Focus;
import io.rumbo.evaluation.ScorecardState;
import io.rumbo.evaluation.ScorecardViews.Line;
import io.rumbo.evaluation.Scorecards;
import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.identity.UserId;
import io.rumbo.identity.UserManagement;
import io.rumbo.organization.StaffManagement;
import io.rumbo.shared.domain.NotFoundException;
import io.rumbo.shared.export.ExportFormat;
import io.rumbo.shared.web.Formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * A cycle's export streams (issue 17): the scope is checked before the download starts, and the results are written
 * as {@link CycleResults#each} hands them over while the body is written, not gathered into a list first.
 */
class EvaluationDownloadsControllerTests {

	private static final CurrentUser ACTOR = new CurrentUser(new UserId(1L), "director", "Director",
			Set.of(Role.DIRECTOR));

	private final CycleResults results = mock(CycleResults.class);

	private final EvaluationDownloadsController controller = new EvaluationDownloadsController(results,
			mock(Scorecards.class), mock(StaffManagement.class), mock(UserManagement.class), mock(MessageSource.class),
			mock(Formats.class));

	@Test
	@SuppressWarnings("unchecked")
	void theCycleIsCheckedFirstAndItsResultsReadWhileTheFileIsWritten() throws Exception {
		Line line = new Line(1, "Revenue", CriterionKind.QUANTITATIVE, Focus.values()[0], new BigDecimal("60"),
				"revenue", new BigDecimal("1000"), new BigDecimal("800"), new BigDecimal("125.00"),
				new BigDecimal("100"), null, null, new BigDecimal("60.00"), null, null);
		doAnswer(call -> {
			Consumer<CycleResults.Result> sink = call.getArgument(2);
			sink.accept(new CycleResults.Result(5, "FY2026-Q1", 7, "Ana", "North", ScorecardState.REVIEWED,
					new BigDecimal("60.00"), null, line));
			return null;
		}).when(results).each(eq(ACTOR), eq(3L), any(Consumer.class));

		ResponseEntity<StreamingResponseBody> response = controller.export(ACTOR, ExportFormat.CSV_TYPE, 3L);
		verify(results).check(ACTOR, 3L);
		verify(results, never()).each(any(), anyLong(), any(Consumer.class));

		ByteArrayOutputStream out = new ByteArrayOutputStream();
		response.getBody().writeTo(out);
		assertThat(out.toString(StandardCharsets.UTF_8).lines()).hasSize(2)
			.last().asString().startsWith("5,FY2026-Q1,7,Ana,North,REVIEWED,60,,1,Revenue,QUANTITATIVE,");
		verify(results).each(eq(ACTOR), eq(3L), any(Consumer.class));
	}

	@Test
	void aCycleOutOfScopeIsNotFoundBeforeTheDownloadStarts() {
		doThrow(new NotFoundException("evaluationCycle", 3L)).when(results).check(ACTOR, 3L);
		assertThatThrownBy(() -> controller.export(ACTOR, ExportFormat.CSV_TYPE, 3L))
			.isInstanceOf(NotFoundException.class);
	}
}
