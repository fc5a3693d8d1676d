package io.rumbo.catalog.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.catalog.CatalogManagement;
import io.rumbo.catalog.ProductLineView;
import io.rumbo.catalog.UnitOfMeasure;
import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.UserManagement;
import io.rumbo.shared.DemoMode;

/**
 * The demo company's catalog: 40 office and workplace supply products in 5 lines, each with a standard cost from two
 * years ago, and a cost rise five months ago for every other product (so that margins depend on the order date).
 */
@Component
@Order(30)
class DemoCatalog implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoCatalog.class);

	private record Item(String sku, String nameEs, String nameEn, UnitOfMeasure unit, String price, int costPercent) {
	}

	private record Line(String code, String nameEs, String nameEn, List<Item> items) {
	}

	private static final List<Line> LINES = List.of(
			new Line("PAP", "Papelería", "Stationery", List.of(
					new Item("PAP-A4-500", "Papel A4 80 g (500 hojas)", "A4 paper 80 gsm (500 sheets)", UnitOfMeasure.PACK, "4.95", 62),
					new Item("PAP-A3-500", "Papel A3 80 g (500 hojas)", "A3 paper 80 gsm (500 sheets)", UnitOfMeasure.PACK, "9.80", 60),
					new Item("PAP-BOLI-50", "Bolígrafos azules (50 u.)", "Blue ballpoint pens (50)", UnitOfMeasure.BOX, "12.50", 45),
					new Item("PAP-CUAD-10", "Cuadernos A5 (10 u.)", "A5 notebooks (10)", UnitOfMeasure.PACK, "18.90", 50),
					new Item("PAP-SOBRES", "Sobres C5 (500 u.)", "C5 envelopes (500)", UnitOfMeasure.BOX, "24.00", 55),
					new Item("PAP-ARCH", "Archivadores de palanca (10 u.)", "Lever arch files (10)", UnitOfMeasure.PACK, "29.50", 48),
					new Item("PAP-POSTIT", "Notas adhesivas (12 blocs)", "Sticky notes (12 pads)", UnitOfMeasure.PACK, "14.20", 40),
					new Item("PAP-TONER", "Tóner láser negro", "Black laser toner", UnitOfMeasure.UNIT, "79.00", 58))),
			new Line("MOB", "Mobiliario de oficina", "Office furniture", List.of(
					new Item("MOB-SILLA-ERG", "Silla ergonómica", "Ergonomic chair", UnitOfMeasure.UNIT, "289.00", 52),
					new Item("MOB-MESA-160", "Mesa de trabajo 160 cm", "Desk 160 cm", UnitOfMeasure.UNIT, "345.00", 55),
					new Item("MOB-MESA-ELEV", "Mesa elevable eléctrica", "Electric sit-stand desk", UnitOfMeasure.UNIT, "690.00", 57),
					new Item("MOB-CAJON", "Cajonera con ruedas", "Mobile pedestal", UnitOfMeasure.UNIT, "159.00", 50),
					new Item("MOB-ARMARIO", "Armario de persiana", "Tambour cabinet", UnitOfMeasure.UNIT, "420.00", 56),
					new Item("MOB-MAMPARA", "Mampara acústica", "Acoustic screen", UnitOfMeasure.UNIT, "210.00", 49),
					new Item("MOB-SILLA-CONF", "Silla de confidente", "Visitor chair", UnitOfMeasure.UNIT, "119.00", 47),
					new Item("MOB-REPOSAPIES", "Reposapiés regulable", "Adjustable footrest", UnitOfMeasure.UNIT, "39.00", 44))),
			new Line("INF", "Informática", "IT equipment", List.of(
					new Item("INF-MONITOR-27", "Monitor 27\" QHD", "27\" QHD monitor", UnitOfMeasure.UNIT, "279.00", 78),
					new Item("INF-PORTATIL", "Portátil 14\" empresarial", "14\" business laptop", UnitOfMeasure.UNIT, "1099.00", 82),
					new Item("INF-DOCK", "Base de conexión USB-C", "USB-C docking station", UnitOfMeasure.UNIT, "189.00", 70),
					new Item("INF-TECLADO", "Teclado y ratón inalámbricos", "Wireless keyboard and mouse", UnitOfMeasure.UNIT, "59.00", 60),
					new Item("INF-AURIC", "Auriculares con micrófono", "Headset with microphone", UnitOfMeasure.UNIT, "89.00", 62),
					new Item("INF-WEBCAM", "Cámara web Full HD", "Full HD webcam", UnitOfMeasure.UNIT, "75.00", 58),
					new Item("INF-IMPRES", "Impresora multifunción láser", "Laser multifunction printer", UnitOfMeasure.UNIT, "429.00", 75),
					new Item("INF-SOPORTE", "Soporte técnico (hora)", "Technical support (hour)", UnitOfMeasure.HOUR, "55.00", 40))),
			new Line("LIM", "Limpieza e higiene", "Cleaning and hygiene", List.of(
					new Item("LIM-GEL-5L", "Gel hidroalcohólico 5 l", "Hand sanitiser 5 l", UnitOfMeasure.UNIT, "22.50", 45),
					new Item("LIM-PAPEL-MAN", "Toallas de papel (20 rollos)", "Paper towels (20 rolls)", UnitOfMeasure.PACK, "31.00", 52),
					new Item("LIM-HIG-18", "Papel higiénico (18 rollos)", "Toilet paper (18 rolls)", UnitOfMeasure.PACK, "16.80", 50),
					new Item("LIM-FREG-5L", "Limpiador multiusos 5 l", "All-purpose cleaner 5 l", UnitOfMeasure.LITRE, "3.20", 38),
					new Item("LIM-BOLSAS", "Bolsas de basura (200 u.)", "Bin bags (200)", UnitOfMeasure.BOX, "19.90", 46),
					new Item("LIM-GUANTES", "Guantes de nitrilo (100 u.)", "Nitrile gloves (100)", UnitOfMeasure.BOX, "8.90", 55),
					new Item("LIM-DISP", "Dispensador de jabón", "Soap dispenser", UnitOfMeasure.UNIT, "34.00", 42),
					new Item("LIM-SERV", "Servicio de limpieza (hora)", "Cleaning service (hour)", UnitOfMeasure.HOUR, "18.50", 70))),
			new Line("CAF", "Café y vending", "Coffee and vending", List.of(
					new Item("CAF-GRANO-1K", "Café en grano 1 kg", "Coffee beans 1 kg", UnitOfMeasure.KG, "17.90", 48),
					new Item("CAF-CAPS-100", "Cápsulas de café (100 u.)", "Coffee capsules (100)", UnitOfMeasure.BOX, "27.00", 43),
					new Item("CAF-TE-100", "Té surtido (100 bolsitas)", "Assorted tea (100 bags)", UnitOfMeasure.BOX, "11.50", 40),
					new Item("CAF-AZUCAR", "Azúcar en sobres (1000 u.)", "Sugar sachets (1000)", UnitOfMeasure.BOX, "15.00", 45),
					new Item("CAF-VASOS", "Vasos de cartón (1000 u.)", "Paper cups (1000)", UnitOfMeasure.BOX, "39.00", 50),
					new Item("CAF-MAQ", "Cafetera profesional", "Professional coffee machine", UnitOfMeasure.UNIT, "1450.00", 64),
					new Item("CAF-AGUA", "Fuente de agua (alquiler mensual)", "Water cooler (monthly rental)", UnitOfMeasure.UNIT, "35.00", 30),
					new Item("CAF-MANT", "Mantenimiento de máquinas (hora)", "Machine maintenance (hour)", UnitOfMeasure.HOUR, "45.00", 45))));

	private final DemoMode demo;
	private final CatalogManagement catalog;
	private final UserManagement users;
	private final Clock clock;

	DemoCatalog(DemoMode demo, CatalogManagement catalog, UserManagement users, Clock clock) {
		this.demo = demo;
		this.catalog = catalog;
		this.users = users;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (!demo.enabled() || !catalog.lines(true).isEmpty()) {
			return;
		}
		CurrentUser admin = users.actAs("admin").orElse(null);
		if (admin == null) {
			return;
		}
		LocalDate today = LocalDate.now(clock);
		LocalDate firstCost = today.minusYears(2).withDayOfMonth(1);
		LocalDate rise = today.minusMonths(5).withDayOfMonth(1);
		int count = 0;
		for (Line line : LINES) {
			ProductLineView created = catalog.createLine(admin,
					new CatalogManagement.LineDetails(line.code(), line.nameEs(), line.nameEn(), true));
			for (Item item : line.items()) {
				BigDecimal price = new BigDecimal(item.price());
				BigDecimal cost = price.multiply(BigDecimal.valueOf(item.costPercent()))
					.divide(BigDecimal.valueOf(100), 4, RoundingMode.HALF_UP);
				var product = catalog.createProduct(admin, new CatalogManagement.ProductDetails(item.sku(), item.nameEs(),
						item.nameEn(), created.id(), item.unit(), price, true, cost, firstCost));
				if (count++ % 2 == 0) {
					catalog.addCost(admin, product.id(), cost.multiply(new BigDecimal("1.06")).setScale(4, RoundingMode.HALF_UP),
							rise);
				}
			}
		}
		log.info("Loaded the demo catalog: {} products in {} lines", count, LINES.size());
	}
}
