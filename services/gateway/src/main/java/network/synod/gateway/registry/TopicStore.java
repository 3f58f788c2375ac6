package network.synod.gateway.registry;

import java.util.ArrayList;
import java.util.List;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

import network.synod.core.events.TopicSpec;

/** Topics and workers in PostgreSQL, so a restarted gateway serves what was registered. */
@ApplicationScoped
public class TopicStore {

    @Inject
    Pool pool;

    @Inject
    ObjectMapper json;

    Uni<Void> saveTopic(String name, TopicSpec spec) {
        return pool.preparedQuery("insert into gateway_topic (name, spec) values ($1, $2) "
                        + "on conflict (name) do update set spec = excluded.spec")
                .execute(Tuple.of(name, write(spec)))
                .replaceWithVoid();
    }

    Uni<Boolean> deleteTopic(String name) {
        return pool.preparedQuery("delete from gateway_topic where name = $1")
                .execute(Tuple.of(name))
                .map(r -> r.rowCount() > 0);
    }

    Uni<Void> saveWorker(String topic, WorkerEndpoint w) {
        return pool.preparedQuery(
                        "insert into gateway_worker (topic, name, url, model, role, public_key, model_digest) "
                                + "values ($1,$2,$3,$4,$5,$6,$7) on conflict (topic, name) do update set url = excluded.url, "
                                + "model = excluded.model, role = excluded.role, public_key = excluded.public_key, "
                                + "model_digest = excluded.model_digest")
                .execute(Tuple.tuple(java.util.Arrays.asList(
                        topic, w.name(), w.url(), w.model(), w.role(), w.publicKey(), w.modelDigest())))
                .replaceWithVoid();
    }

    Uni<Boolean> deleteWorker(String topic, String worker) {
        return pool.preparedQuery("delete from gateway_worker where topic = $1 and name = $2")
                .execute(Tuple.of(topic, worker))
                .map(r -> r.rowCount() > 0);
    }

    /** Every stored topic with its workers. */
    Uni<List<TopicRuntime>> loadAll() {
        return pool.query("select name, spec from gateway_topic order by name")
                .execute()
                .chain(topics -> {
                    List<TopicRuntime> out = new ArrayList<>();
                    for (Row r : topics) {
                        out.add(new TopicRuntime(r.getString("name"), read(r.getString("spec"))));
                    }
                    return pool.query(
                                    "select topic, name, url, model, role, public_key, model_digest from gateway_worker order by topic, name")
                            .execute()
                            .map(workers -> {
                                for (Row w : workers) {
                                    out.stream()
                                            .filter(t -> t.name().equals(w.getString("topic")))
                                            .findFirst()
                                            .ifPresent(t -> t.putWorker(new WorkerEndpoint(
                                                    w.getString("name"),
                                                    w.getString("url"),
                                                    w.getString("model"),
                                                    w.getString("role"),
                                                    w.getString("public_key"),
                                                    w.getString("model_digest"))));
                                }
                                return out;
                            });
                });
    }

    private String write(TopicSpec spec) {
        try {
            return json.writeValueAsString(spec);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private TopicSpec read(String s) {
        try {
            return json.readValue(s, TopicSpec.class);
        } catch (Exception e) {
            throw new IllegalStateException("unreadable topic spec in the database: " + s, e);
        }
    }
}
