package network.synod.scoring.store;

import java.time.Instant;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** The first InferenceRecord consumed for a (topic, epoch); the one that epoch is scored on. */
@Entity
@Table(
        name = "scoring_inference_record",
        uniqueConstraints =
                @UniqueConstraint(
                        name = "scoring_inference_record_epoch",
                        columnNames = {"topic", "epoch"}))
public class InferenceRecordEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue
    public Long id;

    @Column(nullable = false)
    public String topic;

    @Column(nullable = false)
    public long epoch;

    /** The record exactly as consumed. */
    @Column(nullable = false, columnDefinition = "text")
    public String record;

    @Column(nullable = false)
    public Instant receivedAt;
}
