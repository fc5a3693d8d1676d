package io.rumbo.shared.export;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CsvExportTests {

	@Test
	void neutralisesCellsThatASpreadsheetWouldRunAsFormulas() {
		assertThat(CsvExport.neutralise("=SUM(A1:A9)")).isEqualTo("'=SUM(A1:A9)");
		assertThat(CsvExport.neutralise("+34 600")).isEqualTo("'+34 600");
		assertThat(CsvExport.neutralise("-2+3")).isEqualTo("'-2+3");
		assertThat(CsvExport.neutralise("@cmd")).isEqualTo("'@cmd");
		assertThat(CsvExport.neutralise("\t=1")).isEqualTo("'\t=1");
		assertThat(CsvExport.neutralise("García")).isEqualTo("García");
		assertThat(CsvExport.neutralise(-5)).as("numbers stay numbers").isEqualTo(-5);
		assertThat(CsvExport.neutralise(null)).isEqualTo("");
	}

	@Test
	void writesAHeaderAndQuotedRowsInUtf8() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (CsvExport csv = CsvExport.to(out, List.of("name", "date", "note"))) {
			csv.row("Iñaki", LocalDate.of(2026, 1, 2), "a, \"quoted\" note");
		}
		String text = out.toString(StandardCharsets.UTF_8);
		assertThat(text).isEqualTo("\uFEFFname,date,note\r\nIñaki,2026-01-02,\"a, \"\"quoted\"\" note\"\r\n");
	}
}
