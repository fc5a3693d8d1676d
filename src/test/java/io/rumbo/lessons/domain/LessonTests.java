package io.rumbo.lessons.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.rumbo.lessons.LessonOutcome;
import io.rumbo.lessons.LessonStatus;
import io.rumbo.shared.domain.ConflictException;

/** The rules of a lesson: tags as stored, rewriting only a draft, promoting once, archiving a shared case only. */
class LessonTests {

	private static final LocalDate DAY = LocalDate.of(2026, 3, 2);

	@Test
	void tagsAreTrimmedLowerCaseWithoutRepeatsOrBlanks() {
		assertThat(Lesson.normalTags(Arrays.asList(" Precio ", "precio", "", null, "Visita Técnica", "VISITS")))
			.containsExactly("precio", "visita-técnica", "visits");
		assertThat(Lesson.normalTags(null)).isEmpty();
	}

	@Test
	void onlyADraftIsRewrittenAndItIsPromotedOnce() {
		Lesson lesson = new Lesson("ana", "Ana", 7L, 3L, DAY);
		lesson.write(content("Primera"));
		assertThat(lesson.title()).isEqualTo("Primera");
		lesson.share(3L, "jefe", DAY);
		assertThat(lesson.status()).isEqualTo(LessonStatus.SHARED);
		assertThat(lesson.sharedUnitId()).isEqualTo(3L);
		assertThatThrownBy(() -> lesson.write(content("Segunda"))).isInstanceOf(ConflictException.class);
		assertThat(lesson.title()).as("a refused change changes nothing").isEqualTo("Primera");
		assertThatThrownBy(() -> lesson.share(1L, "director", DAY)).isInstanceOf(ConflictException.class);
		assertThat(lesson.sharedUnitId()).isEqualTo(3L);
	}

	@Test
	void usefulMarksCountOnASharedCaseAndNeverBelowZero() {
		Lesson lesson = new Lesson("ana", "Ana", 7L, 3L, DAY);
		lesson.write(content("Caso"));
		assertThatThrownBy(() -> lesson.countUseful(1)).as("a draft is no case").isInstanceOf(ConflictException.class);
		lesson.share(3L, "jefe", DAY);
		lesson.countUseful(1);
		lesson.countUseful(-1);
		lesson.countUseful(-1);
		assertThat(lesson.auditState()).containsEntry("status", LessonStatus.SHARED);
		lesson.archive();
		assertThat(lesson.status()).isEqualTo(LessonStatus.ARCHIVED);
		assertThatThrownBy(lesson::archive).isInstanceOf(ConflictException.class);
		assertThatThrownBy(() -> lesson.countUseful(1)).isInstanceOf(ConflictException.class);
	}

	private static Lesson.Content content(String title) {
		return new Lesson.Content(title, "Qué pasó", "Por qué", null, LessonOutcome.WORKED, "es", null, null, null, null,
				null, null, List.of("Precio"));
	}
}
