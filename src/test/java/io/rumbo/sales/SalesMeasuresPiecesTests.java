package io.rumbo.sales;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The cells of a recompute are cut into statements that PostgreSQL's driver can bind, each cell exactly once. */
class SalesMeasuresPiecesTests {

	private static final LocalDate JAN = LocalDate.of(2026, 1, 1);

	@Test
	void fewCellsMakeOneStatementAndEmptyMonthsNone() {
		Map<LocalDate, List<Long>> cells = new TreeMap<>();
		cells.put(JAN, List.of(1L, 2L, 2L));
		cells.put(JAN.plusMonths(1), List.of(3L));
		cells.put(JAN.plusMonths(2), List.of());
		assertThat(SalesMeasures.pieces(cells))
			.containsExactly(Map.of(JAN, List.of(1L, 2L), JAN.plusMonths(1), List.of(3L)));
		assertThat(SalesMeasures.pieces(Map.of())).isEmpty();
	}

	@Test
	void manyCellsAreCutUnderTheParameterLimitAndKeepEveryCellOnce() {
		Map<LocalDate, List<Long>> cells = new TreeMap<>();
		cells.put(JAN, LongStream.rangeClosed(1, 40_000).boxed().toList());
		for (int m = 1; m < 12; m++) {
			cells.put(JAN.plusMonths(m), LongStream.rangeClosed(1, 5_000).boxed().toList());
		}
		List<Map<LocalDate, List<Long>>> pieces = SalesMeasures.pieces(cells);
		assertThat(pieces).hasSizeGreaterThan(3);
		Set<String> seen = new HashSet<>();
		List<String> all = new ArrayList<>();
		for (Map<LocalDate, List<Long>> piece : pieces) {
			// Each person is bound twice (their month's list and everyone's): 30,000 parameters at most.
			assertThat(piece.values().stream().mapToInt(List::size).sum()).isLessThanOrEqualTo(15_000);
			piece.forEach((month, people) -> people.forEach(p -> {
				seen.add(month + "/" + p);
				all.add(month + "/" + p);
			}));
		}
		assertThat(all).hasSize(40_000 + 11 * 5_000).hasSameSizeAs(seen);
	}
}
