package network.synod.payouts.parameters;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** The admin-editable emission schedule (one row, id 1); a change applies to epochs not yet allotted. */
@Entity
@Table(name = "emission_parameters")
public class EmissionParameters extends PanacheEntityBase {

    @Id
    public Integer id;

    @Column(name = "per_epoch")
    public long perEpoch;

    @Column(name = "halving_every_epochs")
    public long halvingEveryEpochs;

    public long cap;

    @Column(name = "validators_bps")
    public int validatorsBps;

    @Column(name = "topic_owner_bps")
    public int topicOwnerBps;

    @Version
    public long version;
}
