package io.rumbo.benchmarks;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.rumbo.shared.export.ExportFormat;
import io.rumbo.shared.export.Exports;
import io.rumbo.shared.export.TableWriter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exports stream: writing 1,000,000 rows holds no more memory than writing 100,000. Measured as a ratio of the heap
 * in use (after a collection) part-way through the two runs, never as a time; the result is printed for
 * docs/benchmarks.md. The rows are shaped like an order export (numbers, dates, text).
 */
class ExportMemoryBenchmark {

	@ParameterizedTest
	@EnumSource(ExportFormat.class)
	void aMillionRowsNeedNoMoreMemoryThanAHundredThousand(ExportFormat format) throws Exception {
		long small = heapWhileWriting(format, 100_000);
		long large = heapWhileWriting(format, 1_000_000);
		double ratio = (double) large / small;
		System.out.printf("export %s: heap in use at the end of 100,000 rows %,d KB, of 1,000,000 rows %,d KB, ratio %.2f%n",
				format, small / 1024, large / 1024, ratio);
		assertThat(ratio).as("heap at 1,000,000 rows / heap at 100,000 rows").isLessThan(1.5);
	}

	/** Writes the rows to a stream that only counts bytes and answers the heap in use just before closing. */
	private static long heapWhileWriting(ExportFormat format, int rows) throws Exception {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		CountingStream out = new CountingStream();
		long heap;
		try (TableWriter table = Exports.open(format, out, List.of("id", "orderNumber", "orderDate", "customerName",
				"netAmount", "marginAmount", "units", "creditedTo"))) {
			LocalDate start = LocalDate.of(2025, 1, 1);
			for (int i = 0; i < rows; i++) {
				table.row(i, "PED-2025-" + i, start.plusDays(i % 365), "Cliente " + (i % 4000) + " S.L.",
						BigDecimal.valueOf(i % 100_000, 2), BigDecimal.valueOf(i % 30_000, 2), i % 50,
						"Vendedor " + (i % 60));
			}
			System.gc();
			Thread.sleep(50);
			heap = memory.getHeapMemoryUsage().getUsed();
		}
		assertThat(out.count).isPositive();
		return heap;
	}

	private static final class CountingStream extends OutputStream {

		long count;

		@Override
		public void write(int b) {
			count++;
		}

		@Override
		public void write(byte[] b, int off, int len) {
			count += len;
		}
	}
}
