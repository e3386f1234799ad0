package archfixture.bad.search;

import archfixture.bad.catalogue.persistence.ListingRow;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/** Deliberately bad: reads another module's persistence type and uses the template outside persistence. */
public class ReadsCatalogueInternals {
    ListingRow row;
    ReactiveMongoTemplate template;
}
