package io.rumbo.notifications.domain;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A notification's arguments always fit their column, and an at-risk notice names some people, not a roster. */
class NotificationArgsTests {

	@Test
	void argumentsThatFitAreStoredAsTheyAre() {
		String joined = NotificationTexts.join(List.of("12", "Ana López, Bea Ruiz", "FY2026-M11"));
		assertThat(NotificationTexts.split(joined)).containsExactly("12", "Ana López, Bea Ruiz", "FY2026-M11");
	}

	@Test
	void theLongestArgumentIsShortenedSoThatTheyFitTheColumn() {
		String roster = "x".repeat(5_000);
		String joined = NotificationTexts.join(List.of("250", roster, "FY2026-M11"));
		assertThat(joined).hasSize(NotificationTexts.MAX_ARGS);
		List<String> args = NotificationTexts.split(joined);
		assertThat(args).hasSize(3);
		assertThat(args.get(0)).isEqualTo("250");
		assertThat(args.get(1)).endsWith("…").startsWith("xxx");
		assertThat(args.get(2)).isEqualTo("FY2026-M11");
	}

	@Test
	void anAtRiskNoticeNamesTheFirstTwentyAndSaysThereAreMore() {
		List<String> many = IntStream.rangeClosed(1, 250).mapToObj(i -> "Person %03d".formatted(i)).toList();
		String named = NotificationJobs.named(many);
		assertThat(named).startsWith("Person 001, Person 002").endsWith("Person 020, …").doesNotContain("Person 021");
		assertThat(NotificationJobs.named(List.of("Ana", "Bea"))).isEqualTo("Ana, Bea");
	}
}
