package network.synod.core.synthesis;

/**
 * Allora's potential φ_{p,c}(x) = ln(1 + e^{p(x−c)}) and the weights it induces. Computed in log space so that
 * large regrets neither overflow nor lose the ordering of weights.
 */
public final class Potential {

    private Potential() {}

    /** φ_{p,c}(x). */
    public static double phi(double x, double p, double c) {
        return log1pExp(p * (x - c));
    }

    /** φ′_{p,c}(x) = p / (1 + e^{p(c−x)}). */
    public static double gradient(double x, double p, double c) {
        return p * Math.exp(-log1pExp(p * (c - x)));
    }

    /**
     * The late-rule weight w = φ′(x)/φ′(xMax) = (1 + e^{−p(xMax−c)}) / (1 + e^{−p(x−c)}), so the best actor
     * weighs 1 and the rest fall off smoothly.
     */
    public static double weightRatio(double x, double xMax, double p, double c) {
        return Math.exp(log1pExp(-p * (xMax - c)) - log1pExp(-p * (x - c)));
    }

    /** ln(1 + e^x) without overflow. */
    static double log1pExp(double x) {
        return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
    }
}
