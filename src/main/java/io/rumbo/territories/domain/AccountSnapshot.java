package io.rumbo.territories.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.rumbo.customers.CustomerDirectory;
import io.rumbo.customers.CustomerId;
import io.rumbo.sales.CustomerSalesTotals;
import io.rumbo.shared.sql.BulkRows;

/**
 * The account fields territory rules read, copied into {@code territories_account} from the customers module's API
 * with last year's booked sales and margin from the sales module's API, just before an evaluation (decision 0037):
 * the rules then run as one statement over the module's own tables. The copy is taken again only when what it was
 * taken from changed (a stamp of fingerprints, {@code territories_account_stamp}), so previews and balances of an
 * unchanged company write nothing. Refreshes take a lock, so two evaluations at the same moment do not rewrite the
 * copy under each other.
 */
@Component
public class AccountSnapshot {

	private static final List<String> COLUMNS = List.of("customer_id", "legal_name", "region", "postal_code", "city",
			"industry", "company_size", "potential_class", "segment", "annual_potential", "owner_staff_id", "unit_id",
			"last_year_net", "last_year_margin");

	private final JdbcClient jdbc;
	private final CustomerDirectory customers;
	private final CustomerSalesTotals sales;
	private final BulkRows bulk;

	AccountSnapshot(JdbcClient jdbc, CustomerDirectory customers, CustomerSalesTotals sales, BulkRows bulk) {
		this.jdbc = jdbc;
		this.customers = customers;
		this.sales = sales;
		this.bulk = bulk;
	}

	/**
	 * Makes the copy current for sales from {@code from} (inclusive) to {@code to} (exclusive): copies every live
	 * account with its sales again only when the stamp of what it was taken from (the year, the live accounts'
	 * fingerprint, the year's booked orders' fingerprint) changed; answers the rows written, zero when the copy was
	 * current (two aggregate queries, nothing copied).
	 */
	public int refresh(LocalDate from, LocalDate to) {
		jdbc.sql("SELECT potential_class FROM territories_call_norm WHERE potential_class = 'A' FOR UPDATE")
			.query(String.class)
			.list();
		String stamp = from + "/" + to + "|" + customers.liveAccountsStamp() + "|" + sales.stamp(from, to);
		String taken = jdbc.sql("SELECT stamp FROM territories_account_stamp WHERE id = 1").query(String.class)
			.optional()
			.orElse(null);
		if (stamp.equals(taken)) {
			return 0;
		}
		jdbc.sql("DELETE FROM territories_account").update();
		Map<CustomerId, CustomerSalesTotals.Totals> totals = sales.between(from, to);
		List<Object[]> rows = new ArrayList<>();
		customers.eachLiveAccount(a -> {
			CustomerSalesTotals.Totals t = totals.get(CustomerId.of(a.id()));
			rows.add(new Object[] { a.id(), a.legalName(), a.region(), a.postalCode(), a.city(), a.industry(),
					a.companySize().name(), a.potentialClass().name(), a.segment().name(),
					a.annualPotential() == null ? BigDecimal.ZERO : a.annualPotential(), a.ownerStaffId(), a.unitId(),
					t == null ? BigDecimal.ZERO : t.net(), t == null ? BigDecimal.ZERO : t.margin() });
		});
		if (!rows.isEmpty()) {
			bulk.append("territories_account", COLUMNS, rows);
		}
		jdbc.sql("DELETE FROM territories_account_stamp").update();
		jdbc.sql("INSERT INTO territories_account_stamp (id, stamp) VALUES (1, :s)").param("s", stamp).update();
		return rows.size();
	}
}
