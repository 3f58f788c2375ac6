package network.synod.payouts.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Everything about payouts an operator may set; the emission values only seed the admin-editable row. */
@ConfigMapping(prefix = "synod.payouts")
public interface PayoutsConfig {

    /** How long unbonded stake waits before it can be withdrawn (Allora: RemoveStakeDelayWindow, ~3 weeks). */
    @WithDefault("P21D")
    Duration unbondingDelay();

    Emission emission();

    Split split();

    Slash slash();

    /** Validators paid {@code emission.validators-bps} of every topic pot, equally. */
    Optional<List<String>> validators();

    /**
     * Test hook: the settlement transaction sleeps this long in the database after writing its entries and
     * before committing, so a test can kill the process "in the middle". Zero in production.
     */
    @WithDefault("PT0S")
    Duration settlementPause();

    interface Emission {
        @WithDefault("1000000000")
        long perEpoch();

        /** 0 = never halve. */
        @WithDefault("0")
        long halvingEveryEpochs();

        @WithDefault("9000000000000000000")
        long cap();

        @WithDefault("0")
        int validatorsBps();

        @WithDefault("0")
        int topicOwnerBps();
    }

    interface Split {
        /** Applies to topics without their own economics row. */
        @WithDefault("ENTROPY")
        String mode();

        @WithDefault("5000")
        int inferersBps();

        @WithDefault("2000")
        int forecastersBps();

        @WithDefault("3000")
        int reputersBps();
    }

    interface Slash {
        /** Share of the offender's stake and pending rewards taken, in basis points. */
        @WithDefault("1000")
        int fractionBps();

        /** Share of what is taken that goes to the prover, in basis points. */
        @WithDefault("5000")
        int proverBps();

        /** Where the rest goes: {@code burn} (destroyed) or {@code treasury}. */
        @WithDefault("burn")
        String remainder();
    }
}
