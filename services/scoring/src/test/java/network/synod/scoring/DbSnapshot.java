package network.synod.scoring;

import java.util.ArrayList;
import java.util.List;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** A digest of every scoring table's rows, to show that a refused request changed nothing. */
final class DbSnapshot {

    private static final List<String> TABLES =
            List.of("scoring_topic", "scoring_inference_record", "scoring_truth_report", "scoring_epoch");

    private DbSnapshot() {}

    static List<String> take(Pool pool) {
        List<String> digest = new ArrayList<>();
        for (String table : TABLES) {
            Row row = pool.query("select count(*) as n, md5(coalesce(string_agg(t::text, '|' order by t::text), ''))"
                            + " as h from " + table + " t")
                    .execute()
                    .await()
                    .indefinitely()
                    .iterator()
                    .next();
            digest.add(table + ":" + row.getLong("n") + ":" + row.getString("h"));
        }
        return digest;
    }

    static long count(Pool pool, String table, String topic) {
        return pool.preparedQuery("select count(*) as n from " + table + " where topic = $1")
                .execute(Tuple.of(topic))
                .await()
                .indefinitely()
                .iterator()
                .next()
                .getLong("n");
    }
}
