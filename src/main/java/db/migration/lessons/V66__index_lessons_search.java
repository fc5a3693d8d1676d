package db.migration.lessons;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import io.rumbo.shared.search.SearchIndexes;
import io.rumbo.shared.search.SearchText;

/**
 * The folded search text of lessons (title, what happened, why, advice, tags), as a generated column trigram-indexed
 * on PostgreSQL, for the library's full-text search and {@code LessonSearch} (decision 0028, 0032).
 */
public class V66__index_lessons_search extends BaseJavaMigration {

	@Override
	public void migrate(Context context) throws Exception {
		SearchIndexes.create(context.getConnection(), new String[] { "ix_lessons_lesson_search", "lessons_lesson",
				SearchText.folded("title", "what_happened", "why_text", "advice", "tags_text", "author_name") });
	}
}
