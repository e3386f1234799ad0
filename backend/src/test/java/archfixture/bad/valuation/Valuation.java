package archfixture.bad.valuation;

/** The fixture valuation module's API. */
public class Valuation {
}
