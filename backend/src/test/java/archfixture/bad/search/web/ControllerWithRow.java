package archfixture.bad.search.web;

import archfixture.bad.catalogue.persistence.ListingRow;

/** Deliberately bad: a web type using a persistence type. */
public class ControllerWithRow {
    ListingRow row;
}
