package io.rumbo.evaluation.web;

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

import io.rumbo.evaluation.CriterionKind;
import io.rumbo.evaluation.ScorecardViews.Feedback;
import io.rumbo.evaluation.ScorecardViews.Line;
import io.rumbo.evaluation.ScorecardViews.ScorecardView;
import io.rumbo.shared.web.Formats;

/**
 * A closed scorecard as a PDF (OpenPDF), in one language: the same lines, figures and feedback as the scorecard page,
 * with the same labels (the page's message keys) and the same number formats ({@link Formats}, which writes in the
 * language of the {@code LocaleContextHolder}: the caller sets it to the document's language around {@link #render}).
 */
final class ScorecardPdf {

	private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 15);
	private static final Font HEADING = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 11);
	private static final Font TEXT = FontFactory.getFont(FontFactory.HELVETICA, 9.5f);
	private static final Font SMALL = FontFactory.getFont(FontFactory.HELVETICA, 8.5f, new Color(0x49, 0x50, 0x57));
	private static final Font BOLD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 9.5f);

	private final MessageSource messages;
	private final Formats fmt;
	private final Locale locale;

	ScorecardPdf(MessageSource messages, Formats fmt, Locale locale) {
		this.messages = messages;
		this.fmt = fmt;
		this.locale = locale;
	}

	byte[] render(ScorecardView card) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Document document = new Document(PageSize.A4, 42, 42, 42, 42);
		PdfWriter writer = PdfWriter.getInstance(document, out);
		String title = text("evaluation.scorecard.title", card.name(), card.cycleName());
		document.addTitle(title);
		document.addCreator("Rumbo");
		document.open();
		writer.getExtraCatalog().put(PdfName.LANG, new PdfString(locale.toLanguageTag()));
		document.add(new Paragraph(title, TITLE));
		document.add(new Paragraph(text("evaluation.scorecard.summary", fmt.date(card.from()), fmt.date(card.to()),
				text("evaluation.scorecard.state." + card.state())), SMALL));
		if (card.unitName() != null) {
			document.add(new Paragraph(text("evaluation.unit") + ": " + card.unitName(), SMALL));
		}
		document.add(lines(card));
		Feedback feedback = card.feedback();
		if (feedback != null) {
			heading(document, text("shared.field.feedback"));
			entry(document, text("shared.field.strengths"), feedback.strengths());
			entry(document, text("shared.field.improvements"), feedback.improvements());
			entry(document, text("evaluation.comment"), feedback.text());
			entry(document, text("evaluation.outcome"),
					feedback.outcome() == null ? null : text("evaluation.outcome." + feedback.outcome()));
		}
		heading(document, text("evaluation.pdf.acknowledgement"));
		if (card.acknowledgedAt() != null) {
			document.add(new Paragraph(text("evaluation.scorecard.acknowledgedOn", fmt.dateTime(card.acknowledgedAt())),
					TEXT));
		}
		else {
			document.add(new Paragraph(text("evaluation.scorecard.state." + card.state()) + (card.acknowledgeBy() == null
					? "" : " · " + text("evaluation.cycle.deadline", fmt.date(card.acknowledgeBy()))), TEXT));
		}
		entry(document, text("shared.field.answer"), card.answer());
		document.close();
		return out.toByteArray();
	}

	private PdfPTable lines(ScorecardView card) {
		PdfPTable table = new PdfPTable(new float[] { 3.2f, 1f, 1.6f, 1.6f, 1.2f, 1.1f, 1f });
		table.setWidthPercentage(100);
		table.setSpacingBefore(12);
		table.setHeaderRows(1);
		for (String key : List.of("evaluation.criterion", "evaluation.weight", "evaluation.actual", "evaluation.target",
				"evaluation.attainment", "evaluation.credit", "evaluation.points")) {
			PdfPCell cell = cell(text(key), BOLD, !key.equals("evaluation.criterion"));
			cell.setBackgroundColor(new Color(0xe9, 0xec, 0xef));
			table.addCell(cell);
		}
		for (Line l : card.lines()) {
			table.addCell(cell(l.name(), TEXT, false));
			table.addCell(cell(fmt.percent(l.weight()), TEXT, true));
			String actual = l.kind() == CriterionKind.QUALITATIVE ? (l.rating() == null ? text("evaluation.notRated")
					: text("evaluation.rating", l.rating(), l.levels())) : fmt.decimal(l.actual(), 2);
			table.addCell(cell(actual, TEXT, true));
			table.addCell(cell(fmt.decimal(l.target(), 2), TEXT, true));
			table.addCell(cell(fmt.percent(l.attainment()), TEXT, true));
			table.addCell(cell(fmt.percent(l.credit()), TEXT, true));
			table.addCell(cell(fmt.decimal(l.points(), 2), TEXT, true));
		}
		PdfPCell total = cell(text("evaluation.scoreOf", card.scaleMax()), BOLD, false);
		total.setColspan(6);
		table.addCell(total);
		table.addCell(cell(fmt.decimal(card.score(), 2), BOLD, true));
		return table;
	}

	private static PdfPCell cell(String value, Font font, boolean number) {
		PdfPCell cell = new PdfPCell(new Phrase(value, font));
		cell.setPadding(4);
		cell.setBorderColor(new Color(0xce, 0xd4, 0xda));
		cell.setHorizontalAlignment(number ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT);
		return cell;
	}

	private static void heading(Document document, String text) {
		Paragraph heading = new Paragraph(text, HEADING);
		heading.setSpacingBefore(14);
		heading.setSpacingAfter(4);
		document.add(heading);
	}

	private static void entry(Document document, String label, @Nullable String value) {
		if (value == null || value.isBlank()) {
			return;
		}
		document.add(new Paragraph(label, BOLD));
		Paragraph body = new Paragraph(value, TEXT);
		body.setSpacingAfter(4);
		document.add(body);
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, locale);
	}
}
