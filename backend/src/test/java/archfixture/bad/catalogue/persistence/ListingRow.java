package archfixture.bad.catalogue.persistence;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/** A module's internal persistence type (fixture for the architecture tests; never part of the application). */
public class ListingRow {
    public ReactiveMongoTemplate template;
}
