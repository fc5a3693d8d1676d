package io.rumbo.lessons.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.rumbo.catalog.ProductCatalog;
import io.rumbo.customers.CustomerManagement;
import io.rumbo.customers.Segment;
import io.rumbo.identity.CurrentUser;
import io.rumbo.identity.UserManagement;
import io.rumbo.lessons.LessonOutcome;
import io.rumbo.lessons.LessonView;
import io.rumbo.lessons.Lessons;
import io.rumbo.organization.DataScopes;
import io.rumbo.organization.OrgDirectory;
import io.rumbo.planning.StrategyManagement;
import io.rumbo.sales.OpportunityProducts;
import io.rumbo.sales.OpportunityQueries;
import io.rumbo.sales.OpportunityView;
import io.rumbo.shared.DemoMode;
import io.rumbo.shared.web.ListQuery;

/**
 * A dozen lessons of Región Centro's people, written through the module's API: won and lost demo deals of each author
 * (linked to the deal, its customer's segment and its first product's line), one about a demo strategy that did not
 * work, and one in English. The region's manager promotes three to success cases shared with Región Centro, and some
 * colleagues mark them useful. Runs after the opportunities, strategies and improvement plans; once.
 */
@Component
@Order(170)
class DemoLessons implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoLessons.class);

	private record Story(String author, @Nullable String stage, String title, String what, String why, String advice,
			LessonOutcome outcome, String language, List<String> tags) {
	}

	private static final List<Story> STORIES = List.of(
			new Story("rep", "WON", "Renovación ganada con un piloto de dos semanas",
					"El cliente dudaba entre renovar y cambiar de proveedor. Propusimos un piloto de dos semanas con su equipo de compras.",
					"Vieron el ahorro con sus propios datos antes de firmar; el piloto quitó el miedo al cambio.",
					"Repetir: ofrecer un piloto corto con métricas acordadas antes de la propuesta final.",
					LessonOutcome.WORKED, "es", List.of("piloto", "renovación", "visits")),
			new Story("rep", "LOST", "Perdida por precio frente a un competidor local",
					"El competidor bajó un 12 % el precio en la última semana y no tuvimos margen para igualarlo.",
					"Llegamos tarde a la conversación de valor: solo hablamos de precio en la negociación.",
					"Evitar: dejar el caso de negocio para el final. Presentarlo en la segunda visita.",
					LessonOutcome.FAILED, "es", List.of("precio", "competencia")),
			new Story("pablo.romero", "WON", "Cierre rápido gracias al director financiero",
					"Conseguimos una reunión con el director financiero en la primera semana.",
					"El cálculo de retorno en su idioma (caja y plazos) desbloqueó la aprobación.",
					"Repetir: pedir la reunión con finanzas en cuanto el interés es claro.",
					LessonOutcome.WORKED, "es", List.of("finanzas", "margin-pct")),
			new Story("pablo.romero", "LOST", "Sin visita técnica, sin pedido",
					"El cliente eligió a quien le hizo una demostración en su planta.",
					"No organizamos la visita técnica a tiempo por falta de agenda del preventa.",
					"Evitar: reservar al preventa al pasar a propuesta.",
					LessonOutcome.FAILED, "es", List.of("visita-técnica", "visits")),
			new Story("diego.ruiz", "WON", "Ampliación de contrato con un cliente dormido",
					"Un cliente sin compras en seis meses volvió con un pedido grande tras una llamada de seguimiento.",
					"Le llamamos cuando su temporada alta empezaba, con una oferta de reposición.",
					"Repetir: revisar cada mes los clientes sin compras y llamar antes de su temporada.",
					LessonOutcome.WORKED, "es", List.of("reactivación", "visits")),
			new Story("diego.ruiz", "LOST", "Descuento sin contrapartida",
					"Dimos un 15 % de descuento pronto y el cliente pidió más en cada reunión.",
					"El descuento no iba ligado a volumen ni a plazo; perdimos la palanca.",
					"Evitar: todo descuento a cambio de algo (volumen, plazo, referencia).",
					LessonOutcome.FAILED, "es", List.of("descuento", "margin-pct", "negociación")),
			new Story("raul.gomez", "WON", "Venta cruzada en la visita de servicio",
					"En una visita por una incidencia detectamos la necesidad de una segunda línea de producto.",
					"Resolver bien la incidencia dio confianza para hablar de ampliar.",
					"Repetir: llevar el catálogo de la segunda línea en las visitas de servicio.",
					LessonOutcome.WORKED, "es", List.of("venta-cruzada", "servicio")),
			new Story("marina.torres", "LOST", "Licitación pública sin referencias del sector",
					"Perdimos una licitación por no tener referencias en el sector público.",
					"El pliego puntuaba la experiencia previa; no la teníamos documentada.",
					"Evitar: presentarse sin dos referencias firmadas; pedirlas a clientes satisfechos antes.",
					LessonOutcome.FAILED, "es", List.of("licitación", "referencias")),
			new Story("rep", null, "Pricing conversations go better with a value sheet",
					"Two customers asked for a one-page summary of savings before talking about price.",
					"A short value sheet kept the talk on outcomes, not on the discount.",
					"Repeat: send the value sheet before the negotiation meeting.",
					LessonOutcome.WORKED, "en", List.of("precio", "negociación")),
			new Story("pablo.romero", null, "Las visitas sin preparar no convierten",
					"De diez visitas sin preparación previa solo una acabó en oportunidad.",
					"Sin revisar el histórico del cliente no supimos qué ofrecer.",
					"Repetir: diez minutos con la ficha del cliente antes de cada visita.",
					LessonOutcome.FAILED, "es", List.of("visits", "preparación")),
			new Story("diego.ruiz", null, "Seguimiento en 48 horas",
					"Los clientes a los que enviamos el resumen de la visita en dos días avanzaron antes.",
					"El resumen con los próximos pasos mantuvo el ritmo.",
					"Repetir: resumen y próximos pasos por escrito en 48 horas.",
					LessonOutcome.WORKED, "es", List.of("seguimiento", "visits")));

	private final DemoMode demo;
	private final UserManagement users;
	private final Lessons lessons;
	private final OpportunityQueries opportunities;
	private final OpportunityProducts products;
	private final ProductCatalog catalog;
	private final CustomerManagement customers;
	private final StrategyManagement strategies;
	private final DataScopes scopes;
	private final OrgDirectory org;
	private final JdbcClient jdbc;

	DemoLessons(DemoMode demo, UserManagement users, Lessons lessons, OpportunityQueries opportunities,
			OpportunityProducts products, ProductCatalog catalog, CustomerManagement customers,
			StrategyManagement strategies, DataScopes scopes, OrgDirectory org, JdbcClient jdbc) {
		this.demo = demo;
		this.users = users;
		this.lessons = lessons;
		this.opportunities = opportunities;
		this.products = products;
		this.catalog = catalog;
		this.customers = customers;
		this.strategies = strategies;
		this.scopes = scopes;
		this.org = org;
		this.jdbc = jdbc;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		CurrentUser manager = users.actAs("manager").orElse(null);
		Long region = org.unitIdsByCode().get("R-CENTRO");
		if (!demo.enabled() || manager == null || region == null
				|| jdbc.sql("SELECT COUNT(*) FROM lessons_lesson").query(Long.class).single() > 0) {
			return;
		}
		List<LessonView> written = new ArrayList<>();
		int[] won = new int[1];
		for (Story story : STORIES) {
			Optional<CurrentUser> author = users.actAs(story.author());
			if (author.isEmpty()) {
				continue;
			}
			written.add(write(author.get(), story, story.stage() == null ? null
					: deal(author.get(), story.stage(), story.stage().equals("WON") ? won[0]++ : 0)));
		}
		List<StrategyManagement.StrategyView> all = strategies.list(null);
		if (!all.isEmpty()) {
			StrategyManagement.StrategyView strategy = all.get(all.size() - 1);
			written.add(lessons.write(manager, new Lessons.LessonDetails(
					"La estrategia «" + strategy.name() + "» no dio el resultado esperado",
					"Las oportunidades etiquetadas con la estrategia ganaron menos que el resto en el primer semestre.",
					"El mensaje no encajaba con el cliente objetivo: hablaba de precio a quien compraba por servicio.",
					"Evitar: lanzar una estrategia sin probar el mensaje con cinco clientes del segmento.",
					LessonOutcome.FAILED, "es", null, null, strategy.id(), strategy.lineId(), null, null,
					List.of("estrategia", "segmentación"))));
		}
		// Three success cases of the region: the lessons that worked, those about a won deal first.
		List<LessonView> worked = new ArrayList<>(written.stream()
			.filter(l -> l.outcome() == LessonOutcome.WORKED).toList());
		worked.sort(java.util.Comparator.comparing((LessonView l) -> l.opportunityId() == null));
		int shared = 0;
		for (LessonView lesson : worked) {
			if (shared < 3) {
				LessonView promoted = lessons.promote(manager, lesson.id(), lesson.version(), region);
				shared++;
				for (String colleague : List.of("pablo.romero", "diego.ruiz", "raul.gomez").subList(0, 4 - shared)) {
					if (!colleague.equals(promoted.author())) {
						users.actAs(colleague).ifPresent(c -> lessons.toggleUseful(c, promoted.id()));
					}
				}
			}
		}
		log.info("Demo lessons: {} written, {} shared with Región Centro", written.size(), shared);
	}

	private LessonView write(CurrentUser author, Story story, @Nullable OpportunityView deal) {
		Segment segment = null;
		Long line = null;
		if (deal != null) {
			segment = customers.get(author, deal.customerId()).segment();
			List<Long> productIds = products.products(author, deal.id()).stream()
				.map(OpportunityProducts.ProductLineView::productId).toList();
			line = productIds.isEmpty() ? null : catalog.products(productIds).get(0).lineId();
		}
		return lessons.write(author, new Lessons.LessonDetails(story.title(), story.what(), story.why(),
				story.advice(), story.outcome(), story.language(), deal == null ? null : deal.id(),
				deal == null ? null : deal.customerId(), null, line, segment, null, story.tags()));
	}

	/** The author's {@code n}-th deal in the stage (the most valuable first), if they have one. */
	private @Nullable OpportunityView deal(CurrentUser author, String stage, int n) {
		Long self = scopes.staffIdOf(author).orElse(null);
		if (self == null) {
			return null;
		}
		List<OpportunityView> deals = opportunities.page(author, new OpportunityQueries.Filter(self, null, stage, false),
				ListQuery.of(0, n + 1, List.of("amount,desc"), OpportunityQueries.SORTS, "amount,desc")).content();
		return deals.size() > n ? deals.get(n) : null;
	}
}
