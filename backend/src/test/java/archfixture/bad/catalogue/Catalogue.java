package archfixture.bad.catalogue;

/** The fixture catalogue module's API. */
public class Catalogue {
}
