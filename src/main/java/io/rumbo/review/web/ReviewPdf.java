package io.rumbo.review.web;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
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

import io.rumbo.review.ReviewViews.Figures;
import io.rumbo.review.ReviewViews.LineVariance;
import io.rumbo.review.ReviewViews.ObjectiveRow;
import io.rumbo.review.ReviewViews.ReviewView;
import io.rumbo.review.ReviewViews.StrategyFigures;
import io.rumbo.review.ReviewViews.UnitRow;
import io.rumbo.review.ReviewViews.VarianceTable;
import io.rumbo.review.ReviewViews.VerdictView;
import io.rumbo.shared.web.Formats;

/**
 * A review as a PDF (OpenPDF), in the reader's language with the page's labels and number formats: the gap per unit
 * with the reviewer's explanations, the variance by product line against the plan and against last year, the
 * strategies with their verdicts and the objectives.
 */
final class ReviewPdf {

	private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 15);
	private static final Font HEADING = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 11);
	private static final Font TEXT = FontFactory.getFont(FontFactory.HELVETICA, 8.5f);
	private static final Font SMALL = FontFactory.getFont(FontFactory.HELVETICA, 8f, new Color(0x49, 0x50, 0x57));
	private static final Font BOLD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 8.5f);

	private final MessageSource messages;
	private final Formats fmt;
	private final Locale locale;

	ReviewPdf(MessageSource messages, Formats fmt, Locale locale) {
		this.messages = messages;
		this.fmt = fmt;
		this.locale = locale;
	}

	byte[] render(ReviewView review) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Document document = new Document(PageSize.A4.rotate(), 36, 36, 36, 36);
		PdfWriter writer = PdfWriter.getInstance(document, out);
		document.addTitle(review.title());
		document.addCreator("Rumbo");
		document.open();
		writer.getExtraCatalog().put(PdfName.LANG, new PdfString(locale.toLanguageTag()));
		Figures f = review.figures();
		document.add(new Paragraph(review.title(), TITLE));
		document.add(new Paragraph(text("review.pdf.subtitle", review.unitName(), f.periodLabel(), fmt.date(f.from()),
				fmt.date(f.to()), text("review.state." + review.state())), SMALL));
		if (review.sharedOn() != null) {
			document.add(new Paragraph(text("review.sharedBy", review.sharedByName(), fmt.date(review.sharedOn())), SMALL));
		}
		if (review.summary() != null) {
			Paragraph summary = new Paragraph(review.summary(), TEXT);
			summary.setSpacingBefore(6);
			document.add(summary);
		}
		heading(document, text("review.units.title"));
		PdfPTable units = table(new float[] { 3f, 1.4f, 1.4f, 1.4f, 0.8f, 1.4f, 4f }, "review.unit", "review.target",
				"review.actual", "review.gap", "review.gapPercent", "review.lastYear", "review.explanation");
		for (UnitRow u : f.units()) {
			units.addCell(cell("  ".repeat(u.depth()) + u.name(), TEXT, false));
			units.addCell(cell(fmt.money(u.target()), TEXT, true));
			units.addCell(cell(fmt.money(u.actual()), TEXT, true));
			units.addCell(cell(fmt.money(u.gap()), TEXT, true));
			units.addCell(cell(fmt.percent(u.gapPercent()), TEXT, true));
			units.addCell(cell(fmt.money(u.lastYear()), TEXT, true));
			String explanation = review.explanation(u.unitId());
			units.addCell(cell(explanation == null ? "" : explanation, TEXT, false));
		}
		document.add(units);
		variance(document, f.plan(), "review.variance.againstPlan");
		variance(document, f.lastYear(), "review.variance.againstLastYear");
		heading(document, text("review.strategies.title"));
		PdfPTable strategies = table(new float[] { 3f, 1.4f, 1.4f, 1.4f, 1f, 1f, 1.2f, 1.4f, 4f }, "review.strategy",
				"review.expectedRevenue", "review.revenue", "review.margin", "review.orders", "review.winRate",
				"review.initiatives", "review.verdict", "review.conclusion");
		for (StrategyFigures s : f.strategies()) {
			VerdictView v = review.verdict(s.strategyId());
			strategies.addCell(cell(s.name(), TEXT, false));
			strategies.addCell(cell(fmt.money(s.expectedRevenue()), TEXT, true));
			strategies.addCell(cell(fmt.money(s.revenue()), TEXT, true));
			strategies.addCell(cell(fmt.money(s.margin()), TEXT, true));
			strategies.addCell(cell(fmt.number(s.orders()), TEXT, true));
			strategies.addCell(cell(fmt.percent(s.winRate()), TEXT, true));
			strategies.addCell(cell(text("review.initiatives.value", s.initiativesDone(), s.initiatives(),
					s.initiativesOverdue(), s.initiativesDoneLate()), TEXT, true));
			strategies.addCell(cell(v == null ? "" : text("review.verdict." + v.verdict()), BOLD, false));
			strategies.addCell(cell(v == null || v.conclusion() == null ? "" : v.conclusion(), TEXT, false));
		}
		document.add(strategies);
		document.add(new Paragraph(text("review.untaggedWinRate", fmt.percent(f.untaggedWinRate())), SMALL));
		if (!f.objectives().isEmpty()) {
			heading(document, text("review.objectives.title"));
			PdfPTable objectives = table(new float[] { 4f, 1.5f, 1.5f, 1f }, "review.objective", "review.target",
					"review.actual", "review.attainment");
			for (ObjectiveRow o : f.objectives()) {
				objectives.addCell(cell(o.title(), TEXT, false));
				objectives.addCell(cell(o.target() == null ? "—" : fmt.number(o.target()), TEXT, true));
				objectives.addCell(cell(o.actual() == null ? "—" : fmt.number(o.actual()), TEXT, true));
				objectives.addCell(cell(fmt.percent(o.attainment()), TEXT, true));
			}
			document.add(objectives);
		}
		document.close();
		return out.toByteArray();
	}

	private void variance(Document document, VarianceTable table, String titleKey) {
		heading(document, text(titleKey));
		PdfPTable t = this.table(new float[] { 3f, 1.4f, 1.4f, 1.3f, 1.3f, 1.3f, 1.3f, 1.3f, 1.3f }, "review.line",
				"review.base", "review.actual", "review.volume", "review.mix", "review.price", "review.gap",
				"review.margin.revenueEffect", "review.margin.costEffect");
		for (LineVariance l : table.lines()) {
			row(t, l.name(), l.effects(), l.margin(), TEXT);
		}
		row(t, text("review.total"), table.total(), table.margin(), BOLD);
		document.add(t);
	}

	private void row(PdfPTable t, String label, io.rumbo.review.VarianceAnalysis.Effects e,
			io.rumbo.review.VarianceAnalysis.MarginSplit m, Font font) {
		t.addCell(cell(label, font, false));
		for (Number n : List.of(e.base(), e.actual(), e.volume(), e.mix(), e.price(), e.gap(), m.revenueEffect(),
				m.costEffect())) {
			t.addCell(cell(fmt.money(n), font, true));
		}
	}

	private PdfPTable table(float[] widths, String... headerKeys) {
		PdfPTable table = new PdfPTable(widths);
		table.setWidthPercentage(100);
		table.setSpacingBefore(4);
		table.setHeaderRows(1);
		for (String key : headerKeys) {
			PdfPCell cell = cell(text(key), BOLD, false);
			cell.setBackgroundColor(new Color(0xe9, 0xec, 0xef));
			table.addCell(cell);
		}
		return table;
	}

	private static PdfPCell cell(@Nullable String value, Font font, boolean number) {
		PdfPCell cell = new PdfPCell(new Phrase(value == null ? "" : value, font));
		cell.setPadding(3);
		cell.setBorderColor(new Color(0xce, 0xd4, 0xda));
		cell.setHorizontalAlignment(number ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT);
		return cell;
	}

	private static void heading(Document document, String text) {
		Paragraph heading = new Paragraph(text, HEADING);
		heading.setSpacingBefore(12);
		heading.setSpacingAfter(2);
		document.add(heading);
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, locale);
	}
}
