package network.synod.payouts.api;

import java.util.Optional;
import jakarta.enterprise.context.ApplicationScoped;

import io.vertx.pgclient.PgException;

import network.synod.web.Problem;
import network.synod.web.ProblemTranslator;

/**
 * PostgreSQL's refusals as the caller's problems. The constraints are the last line of defence: a request that slips
 * past the service's own checks still gets a 4xx and changes nothing. Only the overdraft constraint means
 * insufficient funds; any other CHECK means a value the schema does not allow.
 */
@ApplicationScoped
public class DatabaseProblems implements ProblemTranslator {

    /** The CHECK on accounts that keeps every balance but the issuance account's at or above zero. */
    static final String OVERDRAFT = "no_overdraft";

    @Override
    public Optional<Problem> translate(Throwable failure) {
        if (!(failure instanceof PgException pg) || pg.getSqlState() == null) {
            return Optional.empty();
        }
        return switch (pg.getSqlState()) {
            case "23514" ->
                Optional.of(Problem.unprocessable(
                        OVERDRAFT.equals(pg.getConstraint())
                                ? "insufficient funds: the movement would overdraw an account"
                                : "a value is outside what the ledger allows (" + pg.getConstraint() + ")"));
            case "23505" -> Optional.of(Problem.conflict("a request with this key was already applied"));
            case "40P01", "40001" -> Optional.of(Problem.unavailable("concurrent update; retry the request", 1));
            default -> Optional.empty();
        };
    }
}
