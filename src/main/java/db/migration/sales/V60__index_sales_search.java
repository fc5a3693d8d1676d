package db.migration.sales;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import io.rumbo.shared.search.SearchIndexes;
import io.rumbo.shared.search.SearchText;

/**
 * The folded search text of opportunities (title) and orders (number, external number) as a generated column,
 * trigram-indexed on PostgreSQL, for {@code SalesSearch}.
 */
public class V60__index_sales_search extends BaseJavaMigration {

	@Override
	public void migrate(Context context) throws Exception {
		SearchIndexes.create(context.getConnection(),
				new String[] { "ix_sales_opportunity_search", "sales_opportunity", SearchText.folded("title") },
				new String[] { "ix_sales_order_search", "sales_order",
						SearchText.folded("order_number", "external_number") });
	}
}
