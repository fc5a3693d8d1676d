package io.rumbo.incentives;

import java.math.BigDecimal;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.identity.AuditTrail;
import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.Role;
import io.rumbo.incentives.IncentiveCalculation.Line;
import io.rumbo.incentives.IncentiveCalculation.PersonResult;
import io.rumbo.incentives.IncentiveCalculation.Preview;
import io.rumbo.incentives.PayoutViews.RunView;
import io.rumbo.incentives.PlanViews.ComponentDetails;
import io.rumbo.incentives.PlanViews.PlanDetails;
import io.rumbo.incentives.domain.Calculation;
import io.rumbo.incentives.domain.IncentivePlan;
import io.rumbo.incentives.domain.IncentivePlanRepository;
import io.rumbo.incentives.domain.PayoutRules;
import io.rumbo.incentives.domain.PayoutRun;
import io.rumbo.incentives.domain.PayoutRunRepository;
import io.rumbo.metrics.MetricsReports;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.organization.StaffId;
import io.rumbo.organization.UnitId;
import io.rumbo.shared.domain.AccessRefusedException;
import io.rumbo.shared.domain.ConflictException;
import io.rumbo.shared.domain.NotFoundException;
import io.rumbo.shared.domain.StaleVersionException;
import io.rumbo.shared.domain.ValidationFailedException;
import io.rumbo.shared.export.ExportCursor;
import io.rumbo.shared.money.Amounts;
import io.rumbo.shared.sql.BulkRows;
import io.rumbo.shared.time.FiscalPeriod;
import io.rumbo.shared.web.ListQuery;
import io.rumbo.shared.web.PageResponse;

/**
 * Payout runs (docs/incentives.md, "Payout runs"; decision 0022); the statements they hold are read through
 * {@link Statements}. A run is computed
 * through {@link IncentiveCalculation} (per plan: one preview of the period, one more per earlier locked period to
 * correct, each a few statements for everyone), its lines and statements written in batches, and locked by
 * finance's approval. A later correction never changes a locked run: the next run of the plan adds an adjustment or
 * a clawback line per component and period that changed. Draws are settled per statement, the balance owed carried
 * from the last locked run of the plan.
 */
@Service
public class PayoutRuns {

	public static final Map<String, String> RUN_SORTS = Map.of("period", "r.period_start", "state", "r.state",
			"total", "r.total", "calculatedAt", "r.calculated_at");

	/** Run list filter: a state, a period code. */
	public record RunFilter(@Nullable RunState state, @Nullable String period) {
	}

	private static final String INSERT_LINE = """
			INSERT INTO incentives_payout_line (run_id, plan_id, plan_code, staff_id, kind, component,
			  component_name, metric, product_line_id, measured_on, for_period, span_from, span_to, measure_value,
			  quota, attainment, tier, rate, table_amount, multiplied, bonus, proration, capped, held, paid_before,
			  difference, amount)
			VALUES (:run, :planId, :plan, :staff, :kind, :component, :componentName, :metric, :productLine,
			  :measuredOn, :forPeriod, :from, :to, :value, :quota, :attainment, :tier, :rate, :tableAmount,
			  :multiplied, :bonus, :proration, :capped, :held, :paidBefore, :difference, :amount)""";

	private record Key(long staffId, int component, String period) {
	}

	private record PlanRef(long planId, String planCode) {
	}

	private final PayoutRunRepository runs;
	private final IncentivePlanRepository planRepository;
	private final IncentivePlans plans;
	private final IncentiveCalculation calculation;
	private final MetricsReports periods;
	private final OrgDirectory org;
	private final AuditTrail audit;
	private final JdbcClient jdbc;
	private final ExportCursor cursor;
	private final BulkRows bulk;
	private final Disputes disputes;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	PayoutRuns(PayoutRunRepository runs, IncentivePlanRepository planRepository, IncentivePlans plans,
			IncentiveCalculation calculation, MetricsReports periods, OrgDirectory org, AuditTrail audit,
			JdbcClient jdbc, ExportCursor cursor, BulkRows bulk, Disputes disputes,
			ApplicationEventPublisher events, Clock clock) {
		this.runs = runs;
		this.planRepository = planRepository;
		this.plans = plans;
		this.calculation = calculation;
		this.periods = periods;
		this.org = org;
		this.audit = audit;
		this.jdbc = jdbc;
		this.cursor = cursor;
		this.bulk = bulk;
		this.disputes = disputes;
		this.events = events;
		this.clock = clock;
	}

	/** Who calculates, approves and exports runs: finance (and administrators, who may not approve). */
	public static boolean mayRun(CurrentUser actor) {
		return actor.hasAny(Role.FINANCE, Role.ADMIN);
	}

	/** Who approves a run: finance. */
	public static boolean mayApprove(CurrentUser actor) {
		return actor.has(Role.FINANCE);
	}

	/** Who reads the runs themselves (and every statement, drafts included). */
	public static boolean readsRuns(CurrentUser actor) {
		return actor.hasAny(Role.FINANCE, Role.ADMIN, Role.DIRECTOR);
	}

	/**
	 * Calculates a new draft run for {@code periodCode} and one approved plan ({@code planId}) or, without it, every
	 * approved plan whose year holds the period. A plan is paid once per period: a plan another run of an
	 * overlapping period already pays answers 409.
	 */
	@Transactional
	public RunView create(CurrentUser actor, String periodCode, @Nullable Long planId) {
		requireRunner(actor);
		FiscalPeriod period = periods.period(periodCode);
		String code = periods.code(period);
		List<IncentivePlan> paid = new ArrayList<>();
		if (planId != null) {
			IncentivePlan plan = planRepository.findById(planId)
				.orElseThrow(() -> new NotFoundException("incentive plan", planId));
			if (plan.state() != PlanState.APPROVED) {
				throw ValidationFailedException.of("planId", "incentives.run.planNotApproved", plan.code());
			}
			if (!plans.year(plan.fiscalYear()).contains(period)) {
				throw ValidationFailedException.of("period", "incentives.preview.period.outsideYear",
						plan.fiscalYear());
			}
			paid.add(plan);
		}
		else {
			planRepository.findAll()
				.stream()
				.filter(p -> p.state() == PlanState.APPROVED && plans.year(p.fiscalYear()).contains(period))
				.sorted(java.util.Comparator.comparing(IncentivePlan::code))
				.forEach(paid::add);
			if (paid.isEmpty()) {
				throw ValidationFailedException.of("period", "incentives.run.noPlans", code);
			}
		}
		List<String> codes = paid.stream().map(IncentivePlan::code).toList();
		List<String> taken = jdbc.sql("""
				SELECT DISTINCT rp.plan_code FROM incentives_payout_run_plan rp
				JOIN incentives_payout_run r ON r.id = rp.run_id
				WHERE rp.plan_code IN (:codes) AND r.period_start < :end AND r.period_end > :start""")
			.param("codes", codes)
			.param("start", period.start())
			.param("end", period.end())
			.query(String.class)
			.list();
		if (!taken.isEmpty()) {
			throw new ConflictException("incentives.run.alreadyPaid", String.join(", ", taken), code);
		}
		PayoutRun run = PayoutRun.draft(code, period.start(), period.end(), planId == null ? null : codes.get(0),
				actor.username(), clock.instant());
		runs.saveAndFlush(run);
		try {
			for (IncentivePlan plan : paid) {
				jdbc.sql("INSERT INTO incentives_payout_run_plan (run_id, plan_id, plan_code, period_code) "
						+ "VALUES (:run, :plan, :code, :period)")
					.param("run", run.id())
					.param("plan", plan.id())
					.param("code", plan.code())
					.param("period", code)
					.update();
			}
		}
		catch (DataIntegrityViolationException ex) {
			throw new ConflictException("incentives.run.alreadyPaid", String.join(", ", codes), code);
		}
		calculate(actor, run);
		audit.record("PAYOUT_RUN", run.id(), "CALCULATE", null, run.auditState(), code);
		return view(run);
	}

	/** Calculates a draft again at {@code version} (the figures as they are now); a locked run answers 409. */
	@Transactional
	public RunView recalculate(CurrentUser actor, long id, long version) {
		requireRunner(actor);
		PayoutRun run = load(actor, id);
		if (run.version() != version) {
			throw new StaleVersionException(version, view(run));
		}
		run.requireDraft();
		var before = run.auditState();
		if (run.planCode() == null) {
			joinLatePlans(run);
		}
		calculate(actor, run);
		StaleVersionException.guard(version, () -> runs.saveAndFlush(run), () -> view(load(actor, id)));
		audit.record("PAYOUT_RUN", id, "RECALCULATE", before, run.auditState(), run.periodCode());
		return view(run);
	}

	/**
	 * A run of every plan takes in, when recalculated, the plans approved since it was created whose year holds its
	 * period and that no other run of an overlapping period pays (a channel's plan written from its terms, decision
	 * 0042, or any plan approved late); a plan's newer approved version replaces the archived one it held.
	 */
	private void joinLatePlans(PayoutRun run) {
		FiscalPeriod period = new FiscalPeriod(run.periodStart(), run.periodEnd());
		jdbc.sql("""
				UPDATE incentives_payout_run_plan SET plan_id = (SELECT p.id FROM incentives_plan p
				    WHERE p.code = incentives_payout_run_plan.plan_code AND p.state = 'APPROVED')
				WHERE run_id = :run AND EXISTS (SELECT 1 FROM incentives_plan p
				    WHERE p.code = incentives_payout_run_plan.plan_code AND p.state = 'APPROVED'
				      AND p.id <> incentives_payout_run_plan.plan_id)""")
			.param("run", run.id())
			.update();
		// The years whose approved plans may join (a handful), then the plans themselves in one statement.
		List<Integer> years = jdbc.sql("SELECT DISTINCT fiscal_year FROM incentives_plan WHERE state = 'APPROVED'")
			.query(Integer.class)
			.list()
			.stream()
			.filter(y -> plans.year(y).contains(period))
			.toList();
		if (years.isEmpty()) {
			return;
		}
		jdbc.sql("""
				INSERT INTO incentives_payout_run_plan (run_id, plan_id, plan_code, period_code)
				SELECT :run, p.id, p.code, :period FROM incentives_plan p
				WHERE p.state = 'APPROVED' AND p.fiscal_year IN (:years)
				  AND NOT EXISTS (SELECT 1 FROM incentives_payout_run_plan rp
				      JOIN incentives_payout_run r ON r.id = rp.run_id
				      WHERE rp.plan_code = p.code AND r.period_start < :end AND r.period_end > :start)""")
			.param("run", run.id())
			.param("period", run.periodCode())
			.param("years", years)
			.param("start", period.start())
			.param("end", period.end())
			.update();
	}

	/** Finance approves a draft at {@code version}: it is locked and announced ({@link PayoutRunApproved}). */
	@Transactional
	public RunView approve(CurrentUser actor, long id, long version) {
		if (!mayApprove(actor)) {
			throw new AccessRefusedException("approve payout run");
		}
		PayoutRun run = load(actor, id);
		if (run.version() != version) {
			throw new StaleVersionException(version, view(run));
		}
		var before = run.auditState();
		run.approve(actor.username(), clock.instant());
		StaleVersionException.guard(version, () -> runs.saveAndFlush(run), () -> view(load(actor, id)));
		audit.record("PAYOUT_RUN", id, "APPROVE", before, run.auditState(), run.periodCode());
		events.publishEvent(new PayoutRunApproved(PayoutRunId.of(id), run.periodCode(), planCodes(id), run.people(),
				run.total(), actor.username()));
		return view(run);
	}

	/**
	 * Records that the approved run {@code id} is sent to payroll (who and when, audited); the file itself is
	 * {@link #payroll}. Finance and administrators; a draft answers 409.
	 */
	@Transactional
	public RunView exported(CurrentUser actor, long id) {
		requireRunner(actor);
		PayoutRun run = load(actor, id);
		var before = run.auditState();
		run.exported(actor.username(), clock.instant());
		runs.saveAndFlush(run);
		audit.record("PAYOUT_RUN", id, "EXPORT", before, run.auditState(), run.periodCode());
		return view(run);
	}

	/**
	 * A row of the payroll file: a person's gross amount of one component in the run (its earning lines and the
	 * corrections of earlier periods together); component 0 rows are the plan's cap (negative) and the draw (an
	 * advance, or a recovery when negative), so that a person's rows add up to what is payable.
	 */
	public record PayrollRow(String employeeNumber, String staffName, String period, String planCode, int component,
			String componentName, BigDecimal amount) {
	}

	/** The payroll rows of an approved run, streamed from one query, employee numbers looked up per batch. */
	@Transactional(readOnly = true)
	public void payroll(CurrentUser actor, long id, java.util.function.Consumer<PayrollRow> sink) {
		requireRunner(actor);
		PayoutRun run = load(actor, id);
		if (run.state() != RunState.APPROVED) {
			throw new ConflictException("incentives.run.notApproved", id);
		}
		record Raw(long staffId, String planCode, int component, String name, BigDecimal amount) {
		}
		cursor.each("""
				SELECT staff_id, plan_code, component, component_name, amount FROM (
				  SELECT l.staff_id, l.plan_code, l.component, l.component_name, SUM(l.amount) AS amount
				  FROM incentives_payout_line l WHERE l.run_id = :run
				  GROUP BY l.staff_id, l.plan_code, l.component, l.component_name
				  UNION ALL
				  SELECT s.staff_id, s.plan_code, 0, 'PLAN_CAP', -s.plan_capped FROM incentives_payout_statement s
				  WHERE s.run_id = :run AND s.plan_capped <> 0
				  UNION ALL
				  SELECT s.staff_id, s.plan_code, 0, 'DRAW', s.draw FROM incentives_payout_statement s
				  WHERE s.run_id = :run AND s.draw <> 0
				) x ORDER BY staff_id, plan_code, component, component_name""", Map.of("run", id),
				(rs, n) -> new Raw(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getBigDecimal(5)),
				batchRows -> {
					Set<Long> ids = new java.util.HashSet<>();
					batchRows.forEach(r -> ids.add(r.staffId()));
					Map<Long, String> numbers = org.employeeNumbers(ids);
					Map<Long, String> names = org.staffNames(ids);
					return batchRows.stream()
						.map(r -> new PayrollRow(numbers.getOrDefault(r.staffId(), ""),
								names.getOrDefault(r.staffId(), ""), run.periodCode(), r.planCode(), r.component(),
								r.name(), Amounts.money(r.amount())))
						.toList();
				}, sink);
	}

	@Transactional(readOnly = true)
	public PageResponse<RunView> list(CurrentUser actor, RunFilter filter, ListQuery query) {
		if (!readsRuns(actor)) {
			throw new AccessRefusedException("read payout runs");
		}
		Map<String, Object> params = new HashMap<>();
		StringBuilder where = new StringBuilder(" WHERE 1 = 1");
		if (filter.state() != null) {
			where.append(" AND r.state = :state");
			params.put("state", filter.state().name());
		}
		if (filter.period() != null && !filter.period().isBlank()) {
			FiscalPeriod period = periods.period(filter.period());
			where.append(" AND r.period_start >= :start AND r.period_end <= :end");
			params.put("start", period.start());
			params.put("end", period.end());
		}
		long total = jdbc.sql("SELECT COUNT(*) FROM incentives_payout_run r" + where).params(params)
			.query(Long.class)
			.single();
		List<Long> ids = jdbc.sql("SELECT r.id FROM incentives_payout_run r" + where + query.orderBy("r.id")
				+ query.limit()).params(params).query(Long.class).list();
		Map<Long, PayoutRun> found = new HashMap<>();
		runs.findAllById(ids).forEach(r -> found.put(r.id(), r));
		return PageResponse.of(ids.stream().map(found::get).map(this::view).toList(), query, total);
	}

	@Transactional(readOnly = true)
	public RunView get(CurrentUser actor, long id) {
		return view(load(actor, id));
	}

	/**
	 * (Re)writes the run's lines and statements: per plan, the earnings of the period, the corrections of the
	 * earlier locked periods, and each person's settlement against the draw.
	 */
	private void calculate(CurrentUser actor, PayoutRun run) {
		run.requireDraft();
		long runId = run.id();
		jdbc.sql("DELETE FROM incentives_payout_line WHERE run_id = :run").param("run", runId).update();
		jdbc.sql("DELETE FROM incentives_payout_statement WHERE run_id = :run").param("run", runId).update();
		disputes.release(runId);
		FiscalPeriod period = new FiscalPeriod(run.periodStart(), run.periodEnd());
		int months = (int) ChronoUnit.MONTHS.between(period.start(), period.end());
		List<Object[]> lineRows = new ArrayList<>();
		List<Object[]> statementRows = new ArrayList<>();
		Map<Long, MapSqlParameterSource> disputeRows = new LinkedHashMap<>();
		BigDecimal total = Amounts.money(BigDecimal.ZERO);
		List<PlanRef> refs = jdbc.sql("SELECT plan_id, plan_code FROM incentives_payout_run_plan WHERE run_id = :run "
				+ "ORDER BY plan_code").param("run", runId).query(PlanRef.class).list();
		for (PlanRef ref : refs) {
			IncentivePlan plan = planRepository.findById(ref.planId())
				.orElseThrow(() -> new NotFoundException("incentive plan", ref.planId()));
			PlanDetails details = plan.details();
			FiscalPeriod year = plans.year(plan.fiscalYear());
			Preview now = calculation.forRun(actor, plan.id(), run.periodCode());
			Map<Long, List<Line>> earnings = new LinkedHashMap<>();
			for (PersonResult person : now.people()) {
				earnings.put(person.staffId(), paidIn(person.lines(), details, year, period));
			}
			// Corrections of the earlier locked periods: recalculated now against what was recognised then.
			Map<Key, BigDecimal> paidBefore = paidBefore(plan.code(), period.start());
			Map<Key, Line> recalculated = new LinkedHashMap<>();
			for (String earlier : lockedPeriods(plan.code(), period.start())) {
				FiscalPeriod before = periods.period(earlier);
				for (PersonResult person : calculation.forRun(actor, plan.id(), earlier).people()) {
					for (Line line : paidIn(person.lines(), details, year, before)) {
						recalculated.put(new Key(person.staffId(), line.component(), line.period()), line);
					}
				}
			}
			Set<Key> keys = new TreeSet<>(java.util.Comparator.comparingLong(Key::staffId)
				.thenComparing(Key::period)
				.thenComparingInt(Key::component));
			keys.addAll(paidBefore.keySet());
			keys.addAll(recalculated.keySet());
			Map<Long, List<Object[]>> corrections = new LinkedHashMap<>();
			Map<Long, BigDecimal[]> corrected = new HashMap<>();
			BigDecimal percent = details.clawbackPercent() == null ? Amounts.HUNDRED : details.clawbackPercent();
			for (Key key : keys) {
				Line line = recalculated.get(key);
				BigDecimal paid = paidBefore.getOrDefault(key, BigDecimal.ZERO);
				var correction = PayoutRules.correction(details.clawbackPolicy(), percent, paid,
						line == null ? BigDecimal.ZERO : line.amount());
				if (correction.isEmpty()) {
					continue;
				}
				var c = correction.get();
				ComponentDetails component = details.components().get(key.component() - 1);
				Object[] row = line == null
						? lineRow(runId, plan, key.staffId(), c.kind(), key.component(), component, key.period(),
								periods.period(key.period()), c.amount())
						: lineRow(runId, plan, key.staffId(), c.kind(), line, c.amount());
				row[PAID_BEFORE] = c.paidBefore();
				row[DIFFERENCE] = c.difference();
				corrections.computeIfAbsent(key.staffId(), s -> new ArrayList<>()).add(row);
				BigDecimal[] sums = corrected.computeIfAbsent(key.staffId(),
						s -> new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO });
				int slot = c.kind() == PayoutLineKind.ADJUSTMENT ? 0 : 1;
				sums[slot] = sums[slot].add(c.amount());
			}
			// Adjustments finance granted on disputes of earlier runs: paid here, once (decision 0023).
			for (Disputes.Pending adjustment : disputes.pending(plan.code(), period.start())) {
				disputeRows.put(adjustment.disputeId(), disputeRow(runId, plan, adjustment));
				BigDecimal[] sums = corrected.computeIfAbsent(adjustment.staffId(),
						s -> new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO });
				sums[0] = sums[0].add(adjustment.adjustment());
				corrections.computeIfAbsent(adjustment.staffId(), s -> new ArrayList<>());
			}
			Map<Long, BigDecimal> owed = owedBefore(plan.code(), period.start());
			Set<Long> people = new LinkedHashSet<>(earnings.keySet());
			people.addAll(corrections.keySet());
			owed.forEach((staff, amount) -> {
				if (amount.signum() > 0) {
					people.add(staff);
				}
			});
			Map<StaffId, UnitId> units = org.unitsOfStaffOn(people.stream().map(StaffId::of).toList(),
					period.lastDay());
			BigDecimal draw = details.drawAmount() == null ? BigDecimal.ZERO : details.drawAmount();
			for (long staff : people) {
				List<Line> own = earnings.getOrDefault(staff, List.of());
				var sum = Calculation.plan(own.stream().map(Line::amount).toList(), details.planCap());
				BigDecimal[] sums = corrected.getOrDefault(staff, new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO });
				BigDecimal earned = sum.amount().add(sums[0]).add(sums[1]);
				var settlement = PayoutRules.settle(details.drawKind(), draw, months, earned,
						owed.getOrDefault(staff, BigDecimal.ZERO));
				own.forEach(l -> lineRows.add(lineRow(runId, plan, staff, PayoutLineKind.EARNING, l, l.amount())));
				lineRows.addAll(corrections.getOrDefault(staff, List.of()));
				UnitId unit = units.get(StaffId.of(staff));
				// In the order of STATEMENT_COLUMNS.
				statementRows.add(new Object[] { runId, plan.code(), staff,
						unit == null ? org.staff(staff).map(s -> s.unitId()).orElse(0L) : unit.value(), sum.earned(),
						sum.capped(), Amounts.money(sums[0]), Amounts.money(sums[1]), details.drawKind().name(),
						settlement.draw(), settlement.owedBefore(), settlement.owedAfter(), settlement.payable() });
				total = total.add(settlement.payable());
			}
		}
		bulk.append("incentives_payout_line", LINE_COLUMNS, lineRows);
		bulk.append("incentives_payout_statement", STATEMENT_COLUMNS, statementRows);
		disputeRows.forEach((dispute, row) -> {
			// One at a time: the dispute records the id of the line that pays it (a handful per run).
			org.springframework.jdbc.support.GeneratedKeyHolder key = new org.springframework.jdbc.support.GeneratedKeyHolder();
			jdbc.sql(INSERT_LINE).params(row.getValues()).update(key, "id");
			disputes.paid(dispute, runId, java.util.Objects.requireNonNull(key.getKey()).longValue());
		});
		run.recalculated(actor.username(), clock.instant(), statementRows.size(), total);
		runs.saveAndFlush(run);
	}

	private static final List<String> LINE_COLUMNS = List.of("run_id", "plan_id", "plan_code", "staff_id", "kind",
			"component", "component_name", "metric", "product_line_id", "measured_on", "for_period", "span_from",
			"span_to", "measure_value", "quota", "attainment", "tier", "rate", "table_amount", "multiplied", "bonus",
			"proration", "capped", "held", "paid_before", "difference", "amount");

	private static final List<String> STATEMENT_COLUMNS = List.of("run_id", "plan_code", "staff_id", "unit_id",
			"earned", "plan_capped", "adjustments", "clawbacks", "draw_kind", "draw", "owed_before", "owed_after",
			"payable");

	/** Where a line's correction figures are in its row (LINE_COLUMNS). */
	private static final int PAID_BEFORE = 24;

	private static final int DIFFERENCE = 25;

	/**
	 * The lines a run of {@code period} pays: every line of a component whose cadence fits in the period; of a
	 * component with a longer cadence (a quarterly one in a monthly run), its lines only in the run whose period
	 * ends the cadence's period (the March run pays the first quarter), never the figures so far.
	 */
	static List<Line> paidIn(List<Line> lines, PlanDetails details, FiscalPeriod year, FiscalPeriod period) {
		long periodMonths = ChronoUnit.MONTHS.between(period.start(), period.end());
		long fromYearStart = ChronoUnit.MONTHS.between(year.start(), period.end());
		return lines.stream().filter(l -> {
			int cadence = switch (details.components().get(l.component() - 1).cadence()) {
				case MONTH -> 1;
				case QUARTER -> 3;
				case YEAR -> 12;
			};
			return cadence <= periodMonths || fromYearStart % cadence == 0;
		}).toList();
	}

	/**
	 * What the locked runs recognised per person, component and period of the plan before {@code start}. Read from
	 * the plan's approved runs (a handful) to their lines through the lines' (run, person) index: the lines are not
	 * indexed by plan (decision 0045), and drafts' rewritten lines never enter.
	 */
	private Map<Key, BigDecimal> paidBefore(String planCode, LocalDate start) {
		Map<Key, BigDecimal> paid = new HashMap<>();
		jdbc.sql("""
				SELECT l.staff_id, l.component, l.for_period,
				  COALESCE(SUM(CASE WHEN l.kind = 'EARNING' THEN l.amount ELSE l.difference END), 0) AS recognised
				FROM incentives_payout_run_plan rp JOIN incentives_payout_run r ON r.id = rp.run_id
				JOIN incentives_payout_line l ON l.run_id = rp.run_id AND l.plan_code = rp.plan_code
				WHERE rp.plan_code = :code AND r.state = 'APPROVED' AND r.period_end <= :start
				GROUP BY l.staff_id, l.component, l.for_period""")
			.param("code", planCode)
			.param("start", start)
			.query((rs, n) -> paid.put(new Key(rs.getLong(1), rs.getInt(2), rs.getString(3)), rs.getBigDecimal(4)))
			.list();
		return paid;
	}

	/** The periods of the plan's locked runs before {@code start}, oldest first. */
	private List<String> lockedPeriods(String planCode, LocalDate start) {
		return jdbc.sql("""
				SELECT r.period_code FROM incentives_payout_run r
				JOIN incentives_payout_run_plan rp ON rp.run_id = r.id
				WHERE rp.plan_code = :code AND r.state = 'APPROVED' AND r.period_end <= :start
				ORDER BY r.period_start""").param("code", planCode).param("start", start).query(String.class).list();
	}

	/** What each person owed after the plan's last locked run before {@code start} (a draw or a clawback). */
	private Map<Long, BigDecimal> owedBefore(String planCode, LocalDate start) {
		Map<Long, BigDecimal> owed = new HashMap<>();
		jdbc.sql("""
				SELECT s.staff_id, s.owed_after FROM incentives_payout_statement s
				JOIN incentives_payout_run r ON r.id = s.run_id
				WHERE s.plan_code = :code AND r.state = 'APPROVED' AND r.period_end <= :start
				AND r.period_end = (SELECT MAX(r2.period_end) FROM incentives_payout_statement s2
				  JOIN incentives_payout_run r2 ON r2.id = s2.run_id
				  WHERE s2.plan_code = s.plan_code AND s2.staff_id = s.staff_id AND r2.state = 'APPROVED'
				  AND r2.period_end <= :start)""")
			.param("code", planCode)
			.param("start", start)
			.query((rs, n) -> owed.put(rs.getLong(1), rs.getBigDecimal(2)))
			.list();
		return owed;
	}

	/**
	 * A line's row in the order of LINE_COLUMNS, as {@link BulkRows} appends it (COPY on PostgreSQL: thousands of lines
	 * in one statement; an array per row, not a map of named values, docs/benchmarks.md, "Payout runs").
	 */
	private static Object[] lineRow(long runId, IncentivePlan plan, long staff, PayoutLineKind kind, Line l,
			BigDecimal amount) {
		return new Object[] { runId, plan.id(), plan.code(), staff, kind.name(), l.component(), l.componentName(),
				l.metric().name(), l.productLineId(), l.measuredOn().name(), l.period(), l.from(), l.to(), l.value(),
				l.quota(), l.attainment(), l.tier(), l.rate(), l.tableAmount(), l.multiplied(), l.bonus(),
				l.proration(), l.capped(), l.held().name(), null, null, amount };
	}

	/** A correction of a component the recalculation no longer pays at all (the person left the plan). */
	private static Object[] lineRow(long runId, IncentivePlan plan, long staff, PayoutLineKind kind,
			int position, ComponentDetails c, String forPeriod, FiscalPeriod span, BigDecimal amount) {
		return new Object[] { runId, plan.id(), plan.code(), staff, kind.name(), position, c.name(), c.metric().name(),
				c.productLineId(), c.measuredOn().name(), forPeriod, span.start(), span.lastDay(), null, null, null, 0,
				null, null, null, null, null, null, null, null, null, amount };
	}

	/**
	 * The adjustment line of a dispute finance adjusted: the disputed line's component and period, the amount
	 * granted. Its difference stays empty, so the automatic corrections of later runs (which recognise earnings and
	 * differences) never take it back.
	 */
	private MapSqlParameterSource disputeRow(long runId, IncentivePlan plan, Disputes.Pending p) {
		return new MapSqlParameterSource().addValue("run", runId)
			.addValue("planId", plan.id())
			.addValue("plan", plan.code())
			.addValue("staff", p.staffId())
			.addValue("kind", PayoutLineKind.ADJUSTMENT.name())
			.addValue("component", p.component())
			.addValue("componentName", p.componentName())
			.addValue("metric", p.metric())
			.addValue("productLine", p.productLineId(), Types.BIGINT)
			.addValue("measuredOn", p.measuredOn())
			.addValue("forPeriod", p.forPeriod())
			.addValue("from", p.spanFrom())
			.addValue("to", p.spanTo())
			.addValue("value", null, Types.NUMERIC)
			.addValue("quota", null, Types.NUMERIC)
			.addValue("attainment", null, Types.NUMERIC)
			.addValue("tier", 0)
			.addValue("rate", null, Types.NUMERIC)
			.addValue("tableAmount", null, Types.NUMERIC)
			.addValue("multiplied", null, Types.NUMERIC)
			.addValue("bonus", null, Types.NUMERIC)
			.addValue("proration", null, Types.NUMERIC)
			.addValue("capped", null, Types.NUMERIC)
			.addValue("held", null, Types.VARCHAR)
			.addValue("paidBefore", null, Types.NUMERIC)
			.addValue("difference", null, Types.NUMERIC)
			.addValue("amount", Amounts.money(p.adjustment()));
	}

	private List<String> planCodes(long runId) {
		return jdbc.sql("SELECT plan_code FROM incentives_payout_run_plan WHERE run_id = :run ORDER BY plan_code")
			.param("run", runId)
			.query(String.class)
			.list();
	}

	private PayoutRun load(CurrentUser actor, long id) {
		if (!readsRuns(actor)) {
			throw new NotFoundException("payout run", id);
		}
		return runs.findById(id).orElseThrow(() -> new NotFoundException("payout run", id));
	}

	/** The names of the plan versions a run paid, in the order of {@link #planCodes(long)} (a code when unnamed). */
	private List<String> planNames(long runId) {
		return jdbc.sql("SELECT rp.plan_code, p.name FROM incentives_payout_run_plan rp LEFT JOIN incentives_plan p "
				+ "ON p.id = rp.plan_id WHERE rp.run_id = :run ORDER BY rp.plan_code")
			.param("run", runId)
			.query((rs, i) -> rs.getString(2) == null ? rs.getString(1) : rs.getString(2))
			.list();
	}

	RunView view(PayoutRun run) {
		return new RunView(run.id(), run.periodCode(), run.periodStart(), run.periodEnd().minusDays(1),
				run.planCode(), planCodes(run.id()), planNames(run.id()), run.state(), run.people(), run.total(), run.calculatedBy(),
				run.calculatedAt(), run.approvedBy(), run.approvedAt(), run.exportedBy(), run.exportedAt(),
				run.version());
	}

	private static void requireRunner(CurrentUser actor) {
		if (!mayRun(actor)) {
			throw new AccessRefusedException("calculate payout runs");
		}
	}
}
