package db.migration.catalog;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import io.rumbo.shared.search.SearchIndexes;
import io.rumbo.shared.search.SearchText;

/**
 * The folded search text of products (code, Spanish and English name) as a generated column, trigram-indexed on
 * PostgreSQL, for {@code ProductSearch}.
 */
public class V58__index_catalog_search extends BaseJavaMigration {

	@Override
	public void migrate(Context context) throws Exception {
		SearchIndexes.create(context.getConnection(), new String[] { "ix_catalog_product_search", "catalog_product",
				SearchText.folded("sku", "name_es", "name_en") });
	}
}
