package network.synod.scoring.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * A registered topic: its normalised spec and its learnt state as of the latest closed epoch. Every change to
 * a topic's epochs locks this row first ({@code SELECT ... FOR UPDATE}), which serialises closing per topic.
 */
@Entity
@Table(name = "scoring_topic")
public class TopicEntity extends PanacheEntityBase {

    @Id
    public String name;

    /** The normalised TopicSpec as JSON. */
    @Column(nullable = false, columnDefinition = "text")
    public String spec;

    /** The TopicState after {@link #latestEpoch}, as JSON. */
    @Column(nullable = false, columnDefinition = "text")
    public String state;

    /** The latest closed epoch, null before the first. */
    public Long latestEpoch;

    public Double latestNetworkLoss;
}
