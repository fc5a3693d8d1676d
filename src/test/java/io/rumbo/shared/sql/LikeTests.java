package io.rumbo.shared.sql;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LikeTests {

	@Test
	void wildcardsAndTheEscapeCharacterMatchThemselves() {
		assertThat(Like.containing(" 50%_Off\\ ")).isEqualTo("%50\\%\\_off\\\\%");
		assertThat(Like.containing("García")).isEqualTo("%garcía%");
	}
}
