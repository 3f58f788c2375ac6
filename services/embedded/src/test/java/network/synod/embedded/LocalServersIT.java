package network.synod.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class LocalServersIT {

    @Test
    void postgresAnswersQueriesAndKeepsWhatWasWritten() throws Exception {
        try (LocalPostgres pg = LocalPostgres.startEphemeral();
                Connection c = DriverManager.getConnection(pg.jdbcUrl(), LocalPostgres.USER, "")) {
            c.createStatement().execute("create table t (v int)");
            c.createStatement().execute("insert into t values (41), (1)");
            ResultSet rs = c.createStatement().executeQuery("select sum(v) from t");
            rs.next();
            assertEquals(42, rs.getInt(1));
        }
    }

    @Test
    void kafkaDeliversWhatWasProduced() throws Exception {
        try (LocalKafka kafka = LocalKafka.startEphemeral()) {
            Properties pp = new Properties();
            pp.put("bootstrap.servers", kafka.bootstrapServers());
            try (KafkaProducer<String, String> producer =
                    new KafkaProducer<>(pp, new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("t", "k", "hello")).get();
            }
            Properties cp = new Properties();
            cp.putAll(Map.of(
                    "bootstrap.servers", kafka.bootstrapServers(), "group.id", "g", "auto.offset.reset", "earliest"));
            try (KafkaConsumer<String, String> consumer =
                    new KafkaConsumer<>(cp, new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(List.of("t"));
                String value = null;
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (value == null && System.nanoTime() < deadline) {
                    ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(200));
                    if (!records.isEmpty()) {
                        value = records.iterator().next().value();
                    }
                }
                assertEquals("hello", value);
            }
        }
    }
}
