package network.synod.verification.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import io.smallrye.mutiny.Uni;

import network.synod.core.verification.EpochSeed;
import network.synod.verification.audit.Auditor;
import network.synod.verification.store.Verdict;
import network.synod.verification.store.VerificationStore;
import network.synod.verification.store.Verifier;
import network.synod.web.Problem;
import network.synod.web.auth.RequireRole;
import network.synod.web.auth.Role;

/** Verdicts and their evidence, epoch seeds, and the admin API for audit rates and verifiers. */
@Path("/v1")
public class VerificationResource {

    @Inject
    Auditor auditor;

    @Inject
    VerificationStore store;

    /** A verifier as registered for a digest. */
    public record VerifierRegistration(String url, String model, String mode, Double absolute, Double relative) {}

    /** A topic's audit settings. */
    public record TopicAudit(Double auditRate) {}

    @GET
    @Path("verdicts")
    public Uni<List<Verdict>> verdicts(
            @QueryParam("worker") String worker,
            @QueryParam("topic") String topic,
            @QueryParam("outcome") String outcome,
            @QueryParam("limit") Integer limit) {
        int n = limit == null ? 100 : limit;
        if (n < 1 || n > 1000) {
            throw Problem.badRequest("limit must be within 1..1000");
        }
        return store.verdicts(worker, topic, outcome, n);
    }

    @GET
    @Path("verdicts/{id}")
    public Uni<Verdict> verdict(@PathParam("id") long id) {
        return store.verdict(id).map(v -> {
            if (v == null) {
                throw Problem.notFound("no verdict " + id);
            }
            return v;
        });
    }

    /** The epoch's seed commitment (published before the epoch); the seed itself once revealed. */
    @GET
    @Path("seeds/{topic}/{epoch}")
    public Uni<Map<String, Object>> seed(@PathParam("topic") String topic, @PathParam("epoch") long epoch) {
        EpochSeed s = auditor.seed(topic, epoch);
        return store.revealed(topic, epoch).map(revealed -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("topic", topic);
            out.put("epoch", epoch);
            out.put("commitment", s.commitment());
            out.put("revealed", revealed);
            out.put("seed", revealed ? s.seedHex() : null);
            return out;
        });
    }

    /** What the audits cost: answers seen, audited, and the verifiers' re-execution time. */
    @GET
    @Path("stats")
    public Uni<Map<String, Object>> stats() {
        return store.counts().map(counts -> {
            Map<String, Object> out = new LinkedHashMap<>();
            long[] c = auditor.counters();
            out.put("answersSeen", c[0]);
            out.put("audited", c[1]);
            out.put("reexecutionMillis", c[2] / 1e6);
            out.put("verdicts", counts);
            return out;
        });
    }

    @GET
    @Path("admin/topics")
    public Map<String, Double> rates() {
        return auditor.rates();
    }

    @PUT
    @Path("admin/topics/{topic}")
    @RequireRole(Role.ADMIN)
    public Uni<Map<String, Object>> putTopic(@PathParam("topic") String topic, TopicAudit body) {
        if (body == null || body.auditRate() == null || !(body.auditRate() >= 0 && body.auditRate() <= 1)) {
            throw Problem.badRequest("a topic's audit settings need auditRate within 0..1");
        }
        return auditor.setRate(topic, body.auditRate()).map(v -> Map.of("topic", topic, "auditRate", body.auditRate()));
    }

    @GET
    @Path("admin/verifiers")
    public Map<String, Verifier> verifiers() {
        return auditor.verifiers();
    }

    @PUT
    @Path("admin/verifiers/{digest}")
    @RequireRole(Role.ADMIN)
    public Uni<Verifier> putVerifier(@PathParam("digest") String digest, VerifierRegistration body) {
        if (body == null) {
            throw Problem.badRequest("a verifier needs a body {\"url\", \"model\", \"mode\"}");
        }
        Verifier v = new Verifier(digest, body.url(), body.model(), body.mode(), body.absolute(), body.relative());
        return auditor.putVerifier(v).replaceWith(v);
    }

    @DELETE
    @Path("admin/verifiers/{digest}")
    @RequireRole(Role.ADMIN)
    public Uni<Response> deleteVerifier(@PathParam("digest") String digest) {
        return auditor.deleteVerifier(digest).map(d -> {
            if (!d) {
                throw Problem.notFound("no verifier for digest " + digest);
            }
            return Response.noContent().build();
        });
    }
}
