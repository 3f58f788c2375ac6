package network.synod.scoring.store;

import java.time.Instant;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A closed epoch: the consensus truth and everything scored against it. Never rewritten. */
@Entity
@Table(
        name = "scoring_epoch",
        uniqueConstraints =
                @UniqueConstraint(
                        name = "scoring_epoch_epoch",
                        columnNames = {"topic", "epoch"}))
public class EpochEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue
    public Long id;

    @Column(nullable = false)
    public String topic;

    @Column(nullable = false)
    public long epoch;

    @Column(nullable = false)
    public double consensus;

    @Column(nullable = false)
    public double networkLoss;

    /** EpochLosses as JSON. */
    @Column(nullable = false, columnDefinition = "text")
    public String losses;

    /** EpochScores as JSON. */
    @Column(nullable = false, columnDefinition = "text")
    public String scores;

    /** Each reputer's truth, weight, distance from consensus and score, as a JSON list. */
    @Column(nullable = false, columnDefinition = "text")
    public String reputers;

    @Column(nullable = false)
    public Instant closedAt;
}
