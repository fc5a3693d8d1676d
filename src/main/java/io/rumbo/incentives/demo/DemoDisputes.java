package io.rumbo.incentives.demo;

import java.math.BigDecimal;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.UserManagement;
import io.rumbo.incentives.DisputeViews.DisputeView;
import io.rumbo.incentives.Disputes;
import io.rumbo.incentives.PayoutRuns;
import io.rumbo.incentives.PayoutViews.RunView;
import io.rumbo.organization.DataScopes;
import io.rumbo.shared.DemoMode;

/**
 * The demo's two disputes, after the payout runs (DemoPayoutRuns, order 139), on last quarter's approved run: "rep"
 * questions her margin line and it stays open, for finance to answer; Pablo Romero questions his revenue line and
 * finance adjusts it, so this month's draft, calculated again, pays the adjustment as a line citing the dispute.
 * Once: nothing is done when a dispute exists or no run is approved (in the first quarter of the fiscal year).
 */
@Component
@Order(141)
class DemoDisputes implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoDisputes.class);

	private final DemoMode demo;
	private final UserManagement users;
	private final DataScopes scopes;
	private final Disputes disputes;
	private final PayoutRuns runs;
	private final JdbcClient jdbc;

	DemoDisputes(DemoMode demo, UserManagement users, DataScopes scopes, Disputes disputes, PayoutRuns runs,
			JdbcClient jdbc) {
		this.demo = demo;
		this.users = users;
		this.scopes = scopes;
		this.disputes = disputes;
		this.runs = runs;
		this.jdbc = jdbc;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		CurrentUser finance = users.actAs("finance").orElse(null);
		// Last quarter's run, not the latest approved one: the draws' monthly runs (DemoEstimatesAndDraws) are approved
		// too and hold only the new hire's statement.
		Long approved = jdbc.sql("""
				SELECT MAX(id) FROM incentives_payout_run WHERE state = 'APPROVED' AND period_code LIKE '%-Q%'""")
			.query(Long.class)
			.optional()
			.orElse(null);
		if (!demo.enabled() || finance == null || approved == null
				|| jdbc.sql("SELECT COUNT(*) FROM incentives_dispute").query(Long.class).single() > 0) {
			return;
		}
		line("rep", approved, 2).ifPresent(l -> {
			DisputeView open = disputes.raise(l.owner(), l.id(), "El margen de marzo me parece bajo: el pedido de "
					+ "Hoteles Sol se vendió con el descuento aprobado, ¿se aplicó el coste correcto?");
			log.info("Demo dispute {} raised by rep and left open", open.id());
		});
		line("pablo.romero", approved, 1).ifPresent(l -> {
			DisputeView raised = disputes.raise(l.owner(), l.id(), "Falta el pedido de Ferretería Norte del último "
					+ "día del trimestre: lo reservé a mi nombre.");
			DisputeView adjusted = disputes.adjust(finance, raised.id(), raised.version(), new BigDecimal("120.00"),
					"El pedido se acreditó a otro comercial por error; se paga la comisión que le correspondía.");
			// The draft of the dispute's plan (the draws' plan has a draft of its own for the same month).
			jdbc.sql("""
					SELECT r.id FROM incentives_payout_run r JOIN incentives_payout_run_plan p ON p.run_id = r.id
					WHERE r.state = 'DRAFT' AND p.plan_code = (SELECT plan_code FROM incentives_payout_line WHERE id = :line)
					ORDER BY r.period_start DESC, r.id DESC""")
				.param("line", l.id())
				.query(Long.class)
				.list()
				.stream()
				.findFirst()
				.ifPresent(id -> {
					RunView draft = runs.get(finance, id);
					runs.recalculate(finance, id, draft.version());
				});
			// Read from the table: the run records the payment set-based, past this transaction's copy of the dispute.
			log.info("Demo dispute {} adjusted by finance; paid by run {}", adjusted.id(),
					jdbc.sql("SELECT paid_run_id FROM incentives_dispute WHERE id = :id").param("id", adjusted.id())
						.query(Long.class).list());
		});
	}

	private record Line(CurrentUser owner, long id) {
	}

	/** The first line of {@code component} (or any line) in the person's statement of {@code run}. */
	private Optional<Line> line(String username, long run, int component) {
		return users.actAs(username).flatMap(user -> {
			Long staff = scopes.of(user).ownStaffId();
			if (staff == null) {
				return Optional.empty();
			}
			return jdbc.sql("""
					SELECT id FROM incentives_payout_line WHERE run_id = :run AND staff_id = :staff
					ORDER BY CASE WHEN component = :component THEN 0 ELSE 1 END, id""")
				.param("run", run)
				.param("staff", staff)
				.param("component", component)
				.query(Long.class)
				.list()
				.stream()
				.findFirst()
				.map(id -> new Line(user, id));
		});
	}
}
