package network.synod.web;

import java.util.Optional;

/**
 * A service's translation of its own infrastructure failures (a database constraint, a driver's error) into problems,
 * as a CDI bean that {@link ProblemMapper} consults before answering 500. Domain refusals need none: they are
 * {@code Refusal}s, which the mapper knows.
 */
public interface ProblemTranslator {

    /** The problem this failure means for the caller, or empty when it is not this translator's to explain. */
    Optional<Problem> translate(Throwable failure);
}
