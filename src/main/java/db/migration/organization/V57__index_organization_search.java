package db.migration.organization;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import io.rumbo.shared.search.SearchIndexes;
import io.rumbo.shared.search.SearchText;

/**
 * The folded search text of people (name, e-mail, employee number) and units (name, code) as a generated column,
 * trigram-indexed on PostgreSQL, for {@code OrgSearch}; existing rows get it as the column is added.
 */
public class V57__index_organization_search extends BaseJavaMigration {

	@Override
	public void migrate(Context context) throws Exception {
		SearchIndexes.create(context.getConnection(),
				new String[] { "ix_org_staff_search", "org_staff",
						SearchText.folded("first_name", "last_name", "email", "employee_number") },
				new String[] { "ix_org_unit_search", "org_unit", SearchText.folded("name", "code") });
	}
}
