package network.synod.scoring.store;

import java.time.Instant;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** One reputer's ground truth for one epoch of a topic. */
@Entity
@Table(
        name = "scoring_truth_report",
        uniqueConstraints =
                @UniqueConstraint(
                        name = "scoring_truth_report_reputer",
                        columnNames = {"topic", "epoch", "reputer"}))
public class TruthReportEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue
    public Long id;

    @Column(nullable = false)
    public String topic;

    @Column(nullable = false)
    public long epoch;

    @Column(nullable = false)
    public String reputer;

    @Column(nullable = false)
    public double value;

    /** The reputer's stake weight in the consensus; 1 for everyone until stake exists. */
    @Column(nullable = false, columnDefinition = "double precision default 1")
    public double weight = 1;

    @Column(nullable = false)
    public Instant reportedAt;
}
