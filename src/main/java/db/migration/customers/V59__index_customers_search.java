package db.migration.customers;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import io.rumbo.shared.search.SearchIndexes;
import io.rumbo.shared.search.SearchText;

/**
 * The folded search text, as a generated column trigram-indexed on PostgreSQL, of accounts (name, number, tax id,
 * city), contacts (name, e-mail) and service cases (number, subject) for {@code CustomerSearch}.
 */
public class V59__index_customers_search extends BaseJavaMigration {

	@Override
	public void migrate(Context context) throws Exception {
		SearchIndexes.create(context.getConnection(),
				new String[] { "ix_customer_account_global_search", "customer_account",
						SearchText.folded("legal_name", "external_id", "tax_id", "city") },
				new String[] { "ix_customer_contact_search", "customer_contact",
						SearchText.folded("full_name", "email") },
				new String[] { "ix_customer_service_case_search", "customer_service_case",
						SearchText.folded("case_number", "subject") });
	}
}
