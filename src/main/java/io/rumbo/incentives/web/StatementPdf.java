package io.rumbo.incentives.web;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfWriter;

import io.rumbo.incentives.PayoutViews.StatementLine;
import io.rumbo.incentives.PayoutViews.StatementSummary;
import io.rumbo.incentives.PayoutViews.StatementView;
import io.rumbo.incentives.RunState;
import io.rumbo.metrics.MetricUnit;
import io.rumbo.shared.web.Formats;

/**
 * A payout statement as a PDF (OpenPDF), in one language: the lines of the statement page with every figure that
 * explains them (value, quota, attainment, tier and rate, table, accelerator, bonus, proration, cap, what was paid
 * before) and the summary (earned, plan cap, adjustments, clawbacks, draw, owed, payable), with the page's labels
 * (its message keys) and number formats ({@link Formats} writes in the language of the {@code LocaleContextHolder}:
 * the caller sets it to the document's language around {@link #render}).
 */
final class StatementPdf {

	private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 15);
	private static final Font TEXT = FontFactory.getFont(FontFactory.HELVETICA, 8.5f);
	private static final Font SMALL = FontFactory.getFont(FontFactory.HELVETICA, 8f, new Color(0x49, 0x50, 0x57));
	private static final Font BOLD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 8.5f);

	private static final List<String> COLUMNS = List.of("incentives.statement.kind", "incentives.preview.component",
			"incentives.preview.period", "incentives.preview.value", "incentives.preview.quota",
			"incentives.preview.attainment", "incentives.preview.tier", "incentives.preview.table",
			"incentives.preview.multiplied", "incentives.preview.bonus", "incentives.preview.proration",
			"incentives.preview.capped", "incentives.statement.paidBefore", "incentives.preview.amount");

	private final MessageSource messages;
	private final Formats fmt;
	private final Locale locale;

	StatementPdf(MessageSource messages, Formats fmt, Locale locale) {
		this.messages = messages;
		this.fmt = fmt;
		this.locale = locale;
	}

	byte[] render(StatementView statement) {
		StatementSummary s = statement.summary();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Document document = new Document(PageSize.A4.rotate(), 32, 32, 36, 36);
		PdfWriter writer = PdfWriter.getInstance(document, out);
		String title = text("incentives.statement.title", s.staffName(), s.periodCode());
		document.addTitle(title);
		document.addCreator("Rumbo");
		document.open();
		writer.getExtraCatalog().put(PdfName.LANG, new PdfString(locale.toLanguageTag()));
		document.add(new Paragraph(title, TITLE));
		document.add(new Paragraph(s.planCode() + (s.runState() == RunState.DRAFT
				? " · " + text("incentives.run.state.DRAFT") : ""), SMALL));
		document.add(lines(statement.lines()));
		document.add(summary(s));
		Paragraph explained = new Paragraph(text("incentives.statement.pdf.explained"), SMALL);
		explained.setSpacingBefore(10);
		document.add(explained);
		document.close();
		return out.toByteArray();
	}

	private PdfPTable lines(List<StatementLine> lines) {
		PdfPTable table = new PdfPTable(new float[] { 1.2f, 2.2f, 1.3f, 1.4f, 1.4f, 1f, 1f, 1.2f, 1.1f, 1f, 1f, 1f,
				1.2f, 1.3f });
		table.setWidthPercentage(100);
		table.setSpacingBefore(10);
		table.setHeaderRows(1);
		for (int i = 0; i < COLUMNS.size(); i++) {
			PdfPCell cell = cell(text(COLUMNS.get(i)), BOLD, i > 2);
			cell.setBackgroundColor(new Color(0xe9, 0xec, 0xef));
			table.addCell(cell);
		}
		for (StatementLine l : lines) {
			boolean money = l.metric().unit() == MetricUnit.MONEY;
			table.addCell(cell(text("incentives.statement.kind." + l.kind()), TEXT, false));
			table.addCell(cell(l.componentName(), TEXT, false));
			table.addCell(cell(l.forPeriod(), TEXT, false));
			table.addCell(cell(l.value() == null ? "—" : money ? fmt.money(l.value()) : fmt.number(l.value()), TEXT,
					true));
			table.addCell(cell(l.quota() == null ? "—" : fmt.money(l.quota()), TEXT, true));
			table.addCell(cell(l.attainment() == null ? "—" : fmt.percent(l.attainment()), TEXT, true));
			table.addCell(cell(tier(l), TEXT, true));
			table.addCell(cell(money(l.tableAmount()), TEXT, true));
			table.addCell(cell(money(l.multiplied()), TEXT, true));
			table.addCell(cell(money(l.bonus()), TEXT, true));
			table.addCell(cell(l.proration() == null ? "—" : fmt.percent(l.proration().multiply(BigDecimal.valueOf(100))),
					TEXT, true));
			table.addCell(cell(money(l.capped()), TEXT, true));
			table.addCell(cell(money(l.paidBefore()), TEXT, true));
			table.addCell(cell(fmt.money(l.amount()), BOLD, true));
		}
		return table;
	}

	private String tier(StatementLine l) {
		String tier = l.tier() == 0 ? "—" : String.valueOf(l.tier());
		if (l.rate() != null) {
			tier += " (" + (l.metric().unit() == MetricUnit.COUNT ? fmt.money(l.rate()) : fmt.percent(l.rate())) + ")";
		}
		if (l.held() != null && !l.held().equals("NONE")) {
			tier += " " + text("incentives.held." + l.held());
		}
		return tier;
	}

	private PdfPTable summary(StatementSummary s) {
		PdfPTable table = new PdfPTable(new float[] { 3f, 2f });
		table.setWidthPercentage(45);
		table.setHorizontalAlignment(Element.ALIGN_LEFT);
		table.setSpacingBefore(12);
		row(table, text("incentives.statement.earned"), fmt.money(s.earned()), false);
		row(table, text("incentives.statement.planCapped"), fmt.money(s.planCapped()), false);
		row(table, text("incentives.statement.adjustments"), fmt.money(s.adjustments()), false);
		row(table, text("incentives.statement.clawbacks"), fmt.money(s.clawbacks()), false);
		row(table, text("incentives.statement.owedBefore"), fmt.money(s.owedBefore()), false);
		row(table, text("incentives.statement.draw"), fmt.money(s.draw()) + " (" + text("incentives.draw."
				+ s.drawKind()) + ")", false);
		row(table, text("incentives.statement.owedAfter"), fmt.money(s.owedAfter()), false);
		row(table, text("incentives.statement.payable"), fmt.money(s.payable()), true);
		return table;
	}

	private String money(@Nullable BigDecimal amount) {
		return amount == null ? "—" : fmt.money(amount);
	}

	private static void row(PdfPTable table, String label, String value, boolean bold) {
		table.addCell(cell(label, bold ? BOLD : TEXT, false));
		table.addCell(cell(value, bold ? BOLD : TEXT, true));
	}

	private static PdfPCell cell(String value, Font font, boolean number) {
		PdfPCell cell = new PdfPCell(new Phrase(value, font));
		cell.setPadding(3);
		cell.setBorderColor(new Color(0xce, 0xd4, 0xda));
		cell.setHorizontalAlignment(number ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT);
		return cell;
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, locale);
	}
}
