package io.rumbo.shared.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;

import io.rumbo.shared.domain.ValidationFailedException;

/** A person's CSV opens cleanly in their spreadsheet; a program's CSV keeps the raw values an import reads back. */
class ExportStyleTests {

	private static final Locale ES = Locale.forLanguageTag("es");

	private static StaticMessageSource messages() {
		StaticMessageSource messages = new StaticMessageSource();
		messages.addMessage("shared.export.column.amount", ES, "Importe");
		messages.addMessage("shared.export.column.status", ES, "Estado");
		messages.addMessage("shared.export.column.archived", ES, "Archivado");
		messages.addMessage("shared.export.column.note", ES, "Nota");
		messages.addMessage("shared.export.column.amount", Locale.ENGLISH, "Amount");
		messages.addMessage("shared.export.column.status", Locale.ENGLISH, "Status");
		messages.addMessage("shared.export.column.archived", Locale.ENGLISH, "Archived");
		messages.addMessage("shared.export.column.note", Locale.ENGLISH, "Note");
		messages.addMessage("sales.status.BOOKED", ES, "Registrado");
		messages.addMessage("sales.status.BOOKED", Locale.ENGLISH, "Booked");
		messages.addMessage("shared.export.yes", ES, "sí");
		messages.addMessage("shared.export.no", ES, "no");
		messages.addMessage("shared.export.yes", Locale.ENGLISH, "yes");
		messages.addMessage("shared.export.no", Locale.ENGLISH, "no");
		return messages;
	}

	private static String csv(ExportStyle style) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (CsvExport csv = CsvExport.to(out, List.of("amount", "status", "archived", "note"), style)) {
			csv.row(new BigDecimal("-1234.5000"), new ExportStyle.Label("sales.status.BOOKED", "BOOKED"), true,
					"+34 600 111 222");
		}
		return out.toString(StandardCharsets.UTF_8);
	}

	@Test
	void aSpanishReaderGetsSemicolonsLabelsAndADecimalComma() {
		assertThat(csv(ExportStyle.forPeople(messages(), ES, null)))
			.isEqualTo("\uFEFFImporte;Estado;Archivado;Nota\r\n-1234,5;Registrado;sí;'+34 600 111 222\r\n");
	}

	@Test
	void anEnglishReaderGetsCommasLabelsAndADecimalPoint() {
		assertThat(csv(ExportStyle.forPeople(messages(), Locale.ENGLISH, null)))
			.isEqualTo("\uFEFFAmount,Status,Archived,Note\r\n-1234.5,Booked,yes,'+34 600 111 222\r\n");
	}

	@Test
	void aProgramGetsTheColumnNamesAndRawValues() {
		assertThat(csv(ExportStyle.API))
			.isEqualTo("\uFEFFamount,status,archived,note\r\n-1234.5,BOOKED,true,'+34 600 111 222\r\n");
	}

	@Test
	void theSeparatorCanBeChosen() {
		assertThat(ExportStyle.separator("semicolon")).isEqualTo(';');
		assertThat(ExportStyle.separator("comma")).isEqualTo(',');
		assertThat(ExportStyle.separator("tab")).isEqualTo('\t');
		assertThat(ExportStyle.separator(null)).isNull();
		assertThatThrownBy(() -> ExportStyle.separator("pipe")).isInstanceOf(ValidationFailedException.class);
		// A Spanish reader who asks for commas keeps the decimal point, so numbers are not split or quoted.
		assertThat(csv(ExportStyle.forPeople(messages(), ES, ','))).contains("-1234.5,Registrado");
	}

	@Test
	void timesAndDatesReadAsSpreadsheetsExpect() {
		ExportStyle people = ExportStyle.forPeople(messages(), ES, null);
		assertThat(people.csv(Instant.parse("2026-03-01T10:15:30Z"))).isEqualTo("2026-03-01 10:15:30");
		assertThat(ExportStyle.API.csv(Instant.parse("2026-03-01T10:15:30Z"))).isEqualTo("2026-03-01T10:15:30Z");
		assertThat(people.csv(LocalDate.of(2026, 3, 1))).isEqualTo("2026-03-01");
		assertThat(ExportStyle.API.csv(new BigDecimal("100.0000"))).isEqualTo("100");
	}
}
