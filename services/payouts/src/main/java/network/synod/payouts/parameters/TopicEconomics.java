package network.synod.payouts.parameters;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * A topic's admin-set economics. The columns settlement maintains itself (weight EMA, τ) are deliberately not
 * mapped, so an admin update can never overwrite them with a stale value.
 */
@Entity
@Table(name = "topic_economics")
public class TopicEconomics extends PanacheEntityBase {

    @Id
    public String topic;

    @Column(name = "min_stake")
    public long minStake;

    @Column(name = "fee_revenue")
    public long feeRevenue;

    @Column(name = "split_mode")
    public String splitMode = "ENTROPY";

    @Column(name = "inferers_bps")
    public int inferersBps = 5_000;

    @Column(name = "forecasters_bps")
    public int forecastersBps = 2_000;

    @Column(name = "reputers_bps")
    public int reputersBps = 3_000;
}
