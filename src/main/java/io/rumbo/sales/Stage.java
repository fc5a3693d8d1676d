package io.rumbo.sales;

/**
 * A pipeline stage with its default probability; stages are rows, so a company can rename and re-weight them.
 *
 * @param outcome OPEN while the opportunity is being worked, WON or LOST once closed
 */
public record Stage(String code, String nameEs, String nameEn, int probability, int position, String outcome) {

	public String name(String language) {
		return "es".equals(language) ? nameEs : nameEn;
	}

	public boolean open() {
		return "OPEN".equals(outcome);
	}

	public boolean won() {
		return "WON".equals(outcome);
	}

	public boolean lost() {
		return "LOST".equals(outcome);
	}
}
