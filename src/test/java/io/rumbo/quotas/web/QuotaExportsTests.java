package io.rumbo.quotas.web;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.identity.UserId;
import io.rumbo.quotas.QuotaPeople;
import io.rumbo.quotas.QuotaViews.QuotaPersonMonthRow;
import io.rumbo.shared.domain.NotFoundException;
import io.rumbo.shared.export.ExportFormat;

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
import static org.mockito.Mockito.verifyNoMoreInteractions;

/**
 * The person-month export streams (issue 17): it writes what {@link QuotaPeople#each} hands it while the download is
 * written, never asks for the whole list, and checks the version before the download starts.
 */
class QuotaExportsTests {

	private static final CurrentUser ACTOR = new CurrentUser(new UserId(1L), "director", "Director",
			Set.of(Role.DIRECTOR));

	private final QuotaPeople people = mock(QuotaPeople.class);

	private final QuotaPeople.Filter filter = new QuotaPeople.Filter(null, null, null);

	@Test
	@SuppressWarnings("unchecked")
	void personMonthsAreWrittenFromTheStreamNotFromAList() throws Exception {
		doAnswer(call -> {
			Consumer<QuotaPersonMonthRow> sink = call.getArgument(4);
			sink.accept(new QuotaPersonMonthRow(7, "E0007", "Ana", 3, "FY2026-M01", "revenue",
					new BigDecimal("1234.5000"), new BigDecimal("1234.5000")));
			sink.accept(new QuotaPersonMonthRow(7, "E0007", "Ana", 3, "FY2026-M02", "orders", new BigDecimal("12.0000"),
					new BigDecimal("12.0000")));
			return null;
		}).when(people).each(eq(ACTOR), eq(42L), eq(filter), any(), any(Consumer.class));

		ResponseEntity<StreamingResponseBody> response = QuotaExports.personMonths(ExportFormat.CSV, people, ACTOR, 42L,
				filter);
		verify(people).check(42L);
		verify(people, never()).each(any(), anyLong(), any(), any(), any(Consumer.class));

		ByteArrayOutputStream out = new ByteArrayOutputStream();
		response.getBody().writeTo(out);
		String csv = out.toString(StandardCharsets.UTF_8).replace("\uFEFF", "");
		assertThat(csv.lines()).containsExactly("employee_number,fiscal_month,measure,amount",
				"E0007,FY2026-M01,revenue,1234.50", "E0007,FY2026-M02,orders,12");
		verify(people).each(eq(ACTOR), eq(42L), eq(filter), any(), any(Consumer.class));
		verify(people, never()).list(any(), anyLong(), any(), any());
		verifyNoMoreInteractions(people);
	}

	@Test
	void anUnknownVersionIsNotFoundBeforeTheDownloadStarts() {
		doThrow(new NotFoundException("quotaVersion", 99L)).when(people).check(99L);
		assertThatThrownBy(() -> QuotaExports.personMonths(ExportFormat.CSV, people, ACTOR, 99L, filter))
			.isInstanceOf(NotFoundException.class);
	}
}
