package io.rumbo.shared.web;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.rumbo.shared.domain.ValidationFailedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ListQueryTests {

	private static final Map<String, String> SORTS = Map.of("name", "t.name", "date", "t.created_at");

	@Test
	void turnsAllowedSortKeysIntoTheirColumns() {
		ListQuery query = ListQuery.of(2, 10, List.of("date,desc", "name"), SORTS, "name");
		assertThat(query.orderBy("t.id")).isEqualTo(" ORDER BY t.created_at DESC, t.name ASC, t.id");
		assertThat(query.limit()).isEqualTo(" LIMIT 10 OFFSET 20");
		assertThat(query.sortParam()).isEqualTo("date,desc");
	}

	@Test
	void usesTheDefaultSortWhenNoneIsGiven() {
		assertThat(ListQuery.of(null, null, null, SORTS, "name").orderBy("t.id")).isEqualTo(" ORDER BY t.name ASC, t.id");
	}

	@Test
	void rejectsAnythingOutsideTheAllowList() {
		assertThatThrownBy(() -> ListQuery.of(0, 10, List.of("password"), SORTS, "name"))
			.isInstanceOf(ValidationFailedException.class)
			.satisfies(ex -> assertThat(((ValidationFailedException) ex).errors().get(0).field()).isEqualTo("sort"));
		assertThatThrownBy(() -> ListQuery.of(0, 10, List.of("name; DROP TABLE x"), SORTS, "name"))
			.isInstanceOf(ValidationFailedException.class);
		assertThatThrownBy(() -> ListQuery.of(0, 10, List.of("name,up"), SORTS, "name"))
			.isInstanceOf(ValidationFailedException.class);
		assertThatThrownBy(() -> ListQuery.of(0, 10, List.of("desc"), SORTS, "name"))
			.isInstanceOf(ValidationFailedException.class);
	}

	@Test
	void acceptsDirectionsSplitFromTheirKeys() {
		assertThat(ListQuery.of(0, 10, List.of("date", "desc", "name"), SORTS, "name").orderBy("t.id"))
			.isEqualTo(" ORDER BY t.created_at DESC, t.name ASC, t.id");
	}

	@Test
	void rejectsPagesOutOfRange() {
		assertThatThrownBy(() -> ListQuery.of(-1, 10, null, SORTS, "name")).isInstanceOf(ValidationFailedException.class);
		assertThatThrownBy(() -> ListQuery.of(0, 0, null, SORTS, "name")).isInstanceOf(ValidationFailedException.class);
		assertThatThrownBy(() -> ListQuery.of(0, 501, null, SORTS, "name")).isInstanceOf(ValidationFailedException.class);
	}

	@Test
	void pageResponseCountsPages() {
		PageResponse<String> page = PageResponse.of(List.of("a", "b"), ListQuery.of(0, 2, null, SORTS, "name"), 5);
		assertThat(page.page().totalPages()).isEqualTo(3);
		assertThat(page.hasNext()).isTrue();
		assertThat(page.hasPrevious()).isFalse();
		assertThat(PageResponse.of(List.of(), ListQuery.of(0, 2, null, SORTS, "name"), 0).page().totalPages()).isZero();
	}
}
