package io.rumbo.territories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.territories.domain.Alignment;

/**
 * The balance figures and the suggestion on worked examples (docs/territories.md): two sibling territories, West with
 * an A account (24 visits of 90 minutes: 36 hours) and a B account (12 of 60: 12 hours), East with a C account (4 of
 * 45: 3 hours). Workload 48 and 3 hours, average 25.5: index 188.2 and 11.8.
 */
class TerritoryBalanceTests {

	static final long WEST = 1;
	static final long EAST = 2;

	static final List<TerritoryView> LEAVES = List.of(leaf(WEST, "W"), leaf(EAST, "E"));

	static final List<Alignment.Row> ROWS = List.of(row(10, "A", WEST, "100000", "36", "50000", "20000"),
			row(11, "B", WEST, "40000", "12", "10000", "3000"), row(12, "C", EAST, "8000", "3", "2000", "500"),
			row(13, "C", null, "5000", "3", "0", "0"));

	@Test
	void countsClassesAndSumsEachLeaf() {
		List<BalanceRow> rows = TerritoryBalances.balance(LEAVES, sums(ROWS), BalanceIndex.WORKLOAD);
		BalanceRow west = rows.get(0);
		assertThat(west.accounts()).isEqualTo(2);
		assertThat(List.of(west.classA(), west.classB(), west.classC())).containsExactly(1L, 1L, 0L);
		assertThat(west.potential()).isEqualByComparingTo("140000");
		assertThat(west.workloadHours()).isEqualByComparingTo("48");
		assertThat(west.lastYearNet()).isEqualByComparingTo("60000");
		assertThat(west.lastYearMargin()).isEqualByComparingTo("23000");
		assertThat(rows.get(1).accounts()).as("an account no territory takes counts nowhere").isEqualTo(1);
	}

	@Test
	void indexesEachLeafAgainstTheAverage() {
		List<BalanceRow> workload = TerritoryBalances.balance(LEAVES, sums(ROWS), BalanceIndex.WORKLOAD);
		assertThat(workload.get(0).index()).isEqualByComparingTo("188.2");
		assertThat(workload.get(1).index()).isEqualByComparingTo("11.8");
		List<BalanceRow> accounts = TerritoryBalances.balance(LEAVES, sums(ROWS), BalanceIndex.ACCOUNTS);
		assertThat(accounts.get(0).index()).as("2 of an average 1.5").isEqualByComparingTo("133.3");
		assertThat(accounts.get(1).index()).isEqualByComparingTo("66.7");
		List<BalanceRow> none = TerritoryBalances.balance(LEAVES, sums(List.of()), BalanceIndex.SALES);
		assertThat(none.get(0).index()).as("no average to compare with").isEqualByComparingTo("0");
	}

	@Test
	void suggestsTheMoveThatNarrowsTheGapMost() {
		// West 48 hours, East 3: moving the B account (12 h) leaves 36 / 15; moving the A account (36 h) would
		// give 12 / 39, a gap of 27 against 21: B moves, then nothing narrows the gap further.
		Map<Long, Long> moves = TerritoryBalances.plan(LEAVES, ROWS, BalanceIndex.WORKLOAD, Set.of());
		assertThat(moves).containsExactly(Map.entry(11L, EAST));
		// With the B account named by hand, the A account moves (12 / 39, a gap of 27 against 45), then East is the
		// heavier and its C account (3 h) goes west: 15 / 36, a gap of 21; nothing narrows it further.
		assertThat(TerritoryBalances.plan(LEAVES, ROWS, BalanceIndex.WORKLOAD, Set.of(11L)))
			.containsExactly(Map.entry(10L, EAST), Map.entry(12L, WEST));
	}

	@Test
	void keepsFrozenAccountsWhereTheyAre() {
		List<Alignment.Row> frozen = List.of(row(20, "C", WEST, "1", "3", "0", "0", true),
				row(21, "C", WEST, "1", "3", "0", "0", true));
		assertThat(TerritoryBalances.plan(LEAVES, frozen, BalanceIndex.ACCOUNTS, Set.of())).isEmpty();
	}

	@Test
	void storesRulesInTheFormTheStatementCompares() {
		assertThat(Territories.ruleValue(RuleField.REGION, " Norte ", null)).containsExactly("norte", null);
		assertThat(Territories.ruleValue(RuleField.SEGMENT, "mid_market", null))
			.containsExactly("MID_MARKET", null);
		assertThat(Territories.ruleValue(RuleField.POSTAL_CODE, "28000", null)).containsExactly("28000", "28000");
		assertThatThrownBy(() -> Territories.ruleValue(RuleField.POSTAL_CODE, "29000", "28000"))
			.isInstanceOf(ValidationFailedException.class);
		assertThatThrownBy(() -> Territories.ruleValue(RuleField.POTENTIAL_CLASS, "Z", null))
			.isInstanceOf(ValidationFailedException.class);
		assertThatThrownBy(() -> Territories.ruleValue(RuleField.UNIT, "north", null))
			.isInstanceOf(ValidationFailedException.class);
	}

	private static TerritoryView leaf(long id, String code) {
		return new TerritoryView(id, 0, 1, 100L, code, code, null, null, 1, null, 0, true, List.of(), List.of(), false);
	}

	private static Alignment.Row row(long customer, String potentialClass, @Nullable Long territory, String potential,
			String hours, String net, String margin) {
		return row(customer, potentialClass, territory, potential, hours, net, margin, false);
	}

	private static Alignment.Row row(long customer, String potentialClass, @Nullable Long territory, String potential,
			String hours, String net, String margin, boolean frozen) {
		return new Alignment.Row(customer, "Account " + customer, potentialClass, null, 5L, 1, territory, 5L, 1,
				frozen, false, new BigDecimal(potential), new BigDecimal(hours), new BigDecimal(net),
				new BigDecimal(margin));
	}

	/**
	 * What each territory holds, summed over rows in hand: what {@code Alignment.byTerritory} computes in SQL (the
	 * module tests compare the two on H2 and PostgreSQL).
	 */
	static Map<Long, Alignment.TerritorySums> sums(List<Alignment.Row> rows) {
		Map<Long, Alignment.TerritorySums> sums = new java.util.HashMap<>();
		for (Alignment.Row r : rows) {
			if (r.toTerritoryId() == null) {
				continue;
			}
			Alignment.TerritorySums s = sums.getOrDefault(r.toTerritoryId(), Alignment.TerritorySums.NONE);
			sums.put(r.toTerritoryId(), new Alignment.TerritorySums(s.accounts() + 1,
					s.classA() + ("A".equals(r.potentialClass()) ? 1 : 0),
					s.classB() + ("B".equals(r.potentialClass()) ? 1 : 0),
					s.classC() + ("A".equals(r.potentialClass()) || "B".equals(r.potentialClass()) ? 0 : 1),
					s.potential().add(r.potential()), s.workloadHours().add(r.workloadHours()),
					s.lastYearNet().add(r.lastYearNet()), s.lastYearMargin().add(r.lastYearMargin())));
		}
		return sums;
	}
}
