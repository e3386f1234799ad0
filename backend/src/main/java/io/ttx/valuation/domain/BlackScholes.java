package io.ttx.valuation.domain;

import org.apache.commons.math3.special.Erf;

/**
 * The Black-Scholes call in double: C = S N(d1) - X e^(-rT) N(d2), d1 = (ln(S/X) + (r + s^2/2) T) / (s sqrt T),
 * d2 = d1 - s sqrt T, with N(x) = 0.5 erfc(-x / sqrt 2) from Commons Math (accurate to about 1e-15, unlike the
 * usual polynomial approximations). {@link StrictMath} keeps ln, exp and sqrt identical on every JVM and CPU.
 */
final class BlackScholes {

    private static final double SQRT_2 = StrictMath.sqrt(2.0);

    private BlackScholes() {
    }

    static double call(double s, double x, double t, double r, double sigma) {
        double sigmaSqrtT = sigma * StrictMath.sqrt(t);
        double d1 = (StrictMath.log(s / x) + (r + sigma * sigma / 2.0) * t) / sigmaSqrtT;
        double d2 = d1 - sigmaSqrtT;
        return s * normalCdf(d1) - x * StrictMath.exp(-r * t) * normalCdf(d2);
    }

    /** The standard normal CDF. */
    static double normalCdf(double x) {
        return 0.5 * Erf.erfc(-x / SQRT_2);
    }
}
